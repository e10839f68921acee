"""What a program costs a person given where they live: EU tuition-free study and US in-state tuition.

Reads the columns the catalogue has (`tuition_free_eu`, `cost_usd_in_state` arrive with other
migrations): a missing column or value means the listed cost applies.
TODO(lead): when the ranker prices by residence itself, use its function here and drop this module.
"""

from collections.abc import Mapping
from dataclasses import dataclass
from typing import Any

# EU member states, the other EEA states and Switzerland: where EU tuition rules reach.
EU_TUITION_RESIDENCES = frozenset({
    "AT", "BE", "BG", "HR", "CY", "CZ", "DK", "EE", "FI", "FR", "DE", "GR", "HU", "IE", "IT", "LV", "LT",
    "LU", "MT", "NL", "PL", "PT", "RO", "SK", "SI", "ES", "SE", "IS", "LI", "NO", "CH",
})  # fmt: skip


@dataclass(frozen=True)
class ResidenceCost:
    usd: float | None  # None: unknown
    basis: str  # why this is the figure
    in_state_usd: float | None = None  # US public institutions: tuition for residents of their state


def cost_for_residence(program: Mapping[str, Any], residence: str | None, listed_usd: float | None) -> ResidenceCost:
    """The cost for a person living in `residence`; `listed_usd` is the listed cost (at their pace)."""
    if (
        residence in EU_TUITION_RESIDENCES
        and program.get("tuition_free_eu")
        and program.get("country") in (EU_TUITION_RESIDENCES)
    ):
        return ResidenceCost(0.0, f"tuition-free for residents of the EU/EEA ({residence})")
    # In-state tuition needs the person's state, which a country code does not give: the listed
    # (out-of-state) figure stays the cost, and `in_state_usd` is shown beside it.
    in_state = program.get("cost_usd_in_state") if residence == "US" and program.get("country") == "US" else None
    if listed_usd is None:
        return ResidenceCost(None, "cost unknown", in_state)
    basis = "listed cost" if in_state is None else "out-of-state tuition"
    return ResidenceCost(listed_usd, basis, in_state)
