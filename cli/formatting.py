"""How numbers and dates read in tables: $1,234, unknown, 26, 2025-11-01."""

from datetime import date, datetime


def cost_text(usd: float | None) -> str:
    if usd is None:
        return "unknown"
    return "free" if usd == 0 else f"${usd:,.0f}"


def number_text(value: float | None, unit: str = "") -> str:
    if value is None:
        return "unknown"
    shown = f"{value:,.0f}" if float(value).is_integer() else f"{value:,.1f}"
    return f"{shown}{unit}"


def date_text(value) -> str | None:
    """An ISO date (YYYY-MM-DD) from a date, a datetime or ISO text; None stays None."""
    if value is None:
        return None
    if isinstance(value, datetime | date):
        return value.isoformat()[:10]
    return str(value)[:10]
