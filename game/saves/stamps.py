"""The times stored in saves: ISO 8601 text, compared as epoch seconds."""

from __future__ import annotations

from datetime import datetime


def stamp_seconds(stamp: str) -> float:
    """Epoch seconds of an ISO 8601 time of a save (local time when it has no offset); 0 for
    text that is not a time."""
    try:
        moment = datetime.fromisoformat(stamp)
    except ValueError:
        return 0.0
    if moment.tzinfo is None:
        moment = moment.astimezone()
    return moment.timestamp()
