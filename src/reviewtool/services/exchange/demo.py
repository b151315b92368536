"""The built-in demo reviews: fictional, anonymised, for trying the program out."""

from __future__ import annotations

from reviewtool.paths import resource
from reviewtool.services.exchange.bundle_import import ImportReport, import_bundle_files
from reviewtool.services.store import Store

DEMO_BUNDLE = "demo.rtbundle.json"


def load_demo(store: Store) -> ImportReport:
    return import_bundle_files(store, [resource(DEMO_BUNDLE)])
