"""One program's values from all of its listings: each field from the most trusted source stating it.

The order per field is the source registry's (`crawlers.registry.merge_order`), so the result does not
depend on which source was stored last and values stop flipping between runs. Fields that only make
sense together (a cost with its currency and basis, a duration's two ends, kind with credential, a
link with its kind) are taken together from one listing. A link to the program's own page beats a
search link, whoever gives it.
"""

from collections.abc import Iterable, Mapping
from functools import cache

from crawlers.registry import merge_order

# field group -> its columns; a group is taken whole from one listing. The group name is what the
# registry's `trusted_for` names.
FIELD_GROUPS = {
    "title": ("title",),
    "provider": ("provider",),
    "institution": ("institution",),
    "credential": ("kind", "credential"),
    "delivery": ("delivery",),
    "pacing": ("pacing",),
    "level": ("level",),
    "language": ("language",),
    "country": ("country",),
    "cost": ("cost_usd", "cost_model", "cost_amount", "cost_currency", "cost_rate_date", "cost_usd_in_state",
             "cost_basis"),
    "us_state": ("us_state",),
    "outcomes": ("earnings_usd", "earnings_count", "debt_usd", "debt_count", "outcomes_count", "outcomes_basis"),
    "tuition_free_eu": ("tuition_free_eu",),
    "duration": ("duration_weeks_min", "duration_weeks_max"),
    "effort_hours_per_week": ("effort_hours_per_week",),
    "total_hours": ("total_hours",),
    "rating": ("rating", "rating_count"),
    "url": ("url", "url_kind"),
    "description": ("description",),
    "skills": ("skills",),
    "topics": ("topics",),
    "relevance": ("relevance",),
}
EMPTY = (None, "", [], {})

Listing = tuple[str, str, Mapping]  # (source, source_id, clean values)


def merged_values(listings: Iterable[Listing]) -> dict:
    """The program's values, field group by field group, from its listings (at least one)."""
    ordered = sorted(listings, key=lambda listing: (listing[0], listing[1]))
    merged: dict = {}
    for group, columns in FIELD_GROUPS.items():
        chosen = _most_trusted(group, columns, ordered)
        merged.update({column: chosen.get(column) for column in columns})
    return merged


def _most_trusted(group: str, columns: tuple[str, ...], listings: list[Listing]) -> Mapping:
    rank = _rank(group)
    stating = [values for source, _id, values in sorted(listings, key=lambda listing: rank.get(listing[0], len(rank)))
               if values.get(columns[0]) not in EMPTY]
    if group == "url":
        pages = [values for values in stating if values.get("url_kind") == "page"]
        stating = pages or stating
    return stating[0] if stating else {}


@cache
def _rank(group: str) -> dict[str, int]:
    """Each source's place in the group's merge order (the registry is fixed: computed once per group)."""
    return {name: position for position, name in enumerate(merge_order(group))}
