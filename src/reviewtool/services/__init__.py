"""Use cases: one function per user action, each owning its session and transaction.

Where each user action lives:

- ``reviews/``   one review and the list: open, create, save, delete (``editing``), the list
  and its filters (``listing``), search (``search``), convert a rapid review to a CSPR
  (``conversion``), unsaved drafts (``drafts``), tags, theme suggestions; and the bulk
  readers and writers of review rows used by exchange and the outputs.
- ``exchange/``  review bundles in and out (``bundle_import``, ``bundle_export``), the demo.
- ``safety/``    backups and restores (``backups``), encryption of the local file.
- ``workflow/``  the statutory workflow: agency requests and returns, the chronology, panel
  meetings, the rapid review report's content, a local review's milestones and pauses,
  briefing deliveries and learning into practice.
- ``outputs/``   everything that is published: the publication check (``publication``,
  ``review_check``), 7-minute briefings, slides, and the thematic summary (``thematic*``).

Shared leaves beside them, used by several capabilities: ``store`` (opening a database),
``clock``, ``lookup`` (a review by reference or id), ``records`` (database rows <-> bundle
records), ``search_index`` (the rows search reads), ``snapshots`` (the backup folder),
``audit``, ``codebook``, ``settings``, ``tracking`` (actions and deadlines), ``bulk_work``.

The packages are layered (outputs > safety > exchange > workflow > reviews > leaves) and no module
imports another in a cycle: ``pyproject.toml``'s import contracts and
``tests/unit/test_import_graph.py`` keep it so. Import from the module that does the work
(``reviewtool.services.reviews.editing``); each package's ``__init__`` names its public
functions and loads them only when asked, so start-up stays light.
"""
