"""What the partnership publishes, each output checked for identifiers before it is written.

The public functions are loaded on first use (PEP 562), so importing the package costs
nothing at start-up.
"""

from __future__ import annotations

from importlib import import_module
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from reviewtool.services.outputs.briefings import briefing_model as briefing_model
    from reviewtool.services.outputs.briefings import export_briefing as export_briefing
    from reviewtool.services.outputs.briefings import list_topic_briefings as list_topic_briefings
    from reviewtool.services.outputs.publication import PublicationBlocked as PublicationBlocked
    from reviewtool.services.outputs.review_check import check_review as check_review
    from reviewtool.services.outputs.slides import export_slides as export_slides
    from reviewtool.services.outputs.thematic import ThematicRequest as ThematicRequest
    from reviewtool.services.outputs.thematic import thematic_model as thematic_model
    from reviewtool.services.outputs.thematic_export import ThematicOutputs as ThematicOutputs
    from reviewtool.services.outputs.thematic_export import export_thematic as export_thematic

_HOME = {
    "PublicationBlocked": "publication",
    "check_review": "review_check",
    "export_briefing": "briefings",
    "briefing_model": "briefings",
    "list_topic_briefings": "briefings",
    "export_slides": "slides",
    "ThematicRequest": "thematic",
    "thematic_model": "thematic",
    "ThematicOutputs": "thematic_export",
    "export_thematic": "thematic_export",
}
__all__ = sorted(_HOME)


def __getattr__(name: str) -> Any:
    if name not in _HOME:
        raise AttributeError(f"module {__name__!r} has no attribute {name!r}")
    return getattr(import_module(f"{__name__}.{_HOME[name]}"), name)
