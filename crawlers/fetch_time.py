"""When a response was fetched: what every raw item carries as ``fetched_at``."""

from datetime import UTC, datetime
from email.utils import parsedate_to_datetime


def fetch_time(response) -> str:
    """ISO 8601 in UTC: the response's Date header if it has a valid one (a replayed response is
    dated by its capture), else now."""
    header = response.headers.get("Date") if getattr(response, "headers", None) else None
    if header:
        try:
            moment = parsedate_to_datetime(header.decode("latin-1") if isinstance(header, bytes) else header)
        except (TypeError, ValueError):
            moment = None
        if moment is not None:
            moment = moment if moment.tzinfo else moment.replace(tzinfo=UTC)
            return moment.astimezone(UTC).isoformat()
    return datetime.now(UTC).isoformat()
