"""The constraints that may be relaxed when too few programs pass, least important first."""

RELAXATION_ORDER = (
    "language",  # another teaching language
    "country",  # a campus abroad
    "self_paced",  # scheduled programs
    "delivery",  # another delivery mode
    "time_plus_50",  # up to 1.5 x the months given
    "time",  # any duration
    "budget_plus_50",  # up to 1.5 x the budget
    "budget",  # any cost
)
RELAXATION_DESCRIPTIONS = {
    "language": "programs in another language allowed",
    "country": "campus programs outside your country allowed",
    "self_paced": "scheduled (not self-paced) programs allowed",
    "delivery": "other delivery modes allowed",
    "time_plus_50": "up to 50% more time than your months allowed",
    "time": "time limit dropped",
    "budget_plus_50": "up to 50% over your budget allowed",
    "budget": "budget limit dropped",
}
