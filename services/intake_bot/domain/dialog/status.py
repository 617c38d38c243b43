"""Answering "审核通过了没有？": the latest notice delivered, or where the application is."""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from datetime import UTC, datetime
from typing import Any

from . import messages as m
from .state import DialogState


def status_text(state: DialogState, notices: Sequence[Mapping[str, Any]]) -> str | None:
    """The answer, or None when nothing was ever submitted in this session."""
    delivered = [n for n in notices if isinstance(n, Mapping)]
    if delivered:
        return _notice_text(_latest(delivered))
    if not state.applications:
        return None
    reference = state.applications[-1].reference
    if reference is None:
        return m.STILL_SUBMITTING
    return m.NO_RESULT_YET + m.REFERENCE_IS.format(reference=reference)


def _latest(notices: list[Mapping[str, Any]]) -> Mapping[str, Any]:
    # A notice whose time cannot be read sorts first: a readable newer one wins; among equals
    # the one delivered last (the later position) wins.
    def key(item: tuple[int, Mapping[str, Any]]) -> tuple[bool, float, int]:
        index, notice = item
        issued = _moment(notice.get("issued_at"))
        return (issued is not None, 0.0 if issued is None else issued.timestamp(), index)

    return max(enumerate(notices), key=key)[1]


def _moment(value: Any) -> datetime | None:
    if not isinstance(value, str):
        return None
    try:
        moment = datetime.fromisoformat(value)
    except ValueError:
        return None
    return moment if moment.tzinfo is not None else moment.replace(tzinfo=UTC)


def _notice_text(notice: Mapping[str, Any]) -> str:
    title = notice.get("title")
    lines = notice.get("lines")
    parts = [title] if isinstance(title, str) and title else []
    if isinstance(lines, list | tuple):
        parts.extend(str(line) for line in lines)
    return "\n".join(parts) or m.NO_RESULT_YET
