"""Optional bundle sections for learning into practice: how each 7-minute briefing was
delivered (and the team's action plan), and the RAG reviews of actions over time."""

from __future__ import annotations

from typing import Annotated

from pydantic import BaseModel, ConfigDict, Field, StrictInt

from reviewtool.bundle.fields import IsoDate, RequiredText, Text, Timestamp, Uuid
from reviewtool.domain.actions import Rag
from reviewtool.domain.enums import ActionStatus
from reviewtool.domain.revisions import HISTORY_LIMIT, REVISION_PATTERN

# The same revision fields as reviews carry (``schema.Revised``), repeated here because the
# main schema imports this module.
_RevisionId = Annotated[str, Field(pattern=REVISION_PATTERN, max_length=80)]


class _Record(BaseModel):
    model_config = ConfigDict(extra="ignore", defer_build=True)


class TeamPlanActionRecord(_Record):
    text: RequiredText
    due: IsoDate | None = None
    status: ActionStatus = ActionStatus.NOT_STARTED
    completed: IsoDate | None = None


class DisseminationRecord(_Record):
    """A briefing delivered: a topic briefing (``briefing_id``) or a review's own
    (``review_id``), exactly one of the two."""

    id: Uuid
    briefing_id: Uuid | None = None
    review_id: Uuid | None = None
    delivered_by: RequiredText
    audience: RequiredText
    """The team or agency it was delivered to."""
    date: IsoDate
    attendees: Annotated[StrictInt, Field(ge=0, le=100_000)]
    plan_due: IsoDate | None = None
    plan_returned: IsoDate | None = None
    plan_actions: list[TeamPlanActionRecord] = Field(default_factory=list)
    updated_at: Timestamp
    revision: _RevisionId | None = None
    """Bundle version 2 (optional): the delivery's own revision, as a review's."""
    ancestors: Annotated[list[_RevisionId], Field(max_length=HISTORY_LIMIT * 5)] = Field(
        default_factory=list
    )


class RagReviewRecord(_Record):
    id: Uuid
    action_id: Uuid
    date: IsoDate
    rag: Rag
    note: Text | None = None
    reviewed_by: Text = ""
