"""The two things the pipeline turns a raw item into: a clean program, or a rejection with a reason."""

from dataclasses import dataclass, field
from datetime import date


@dataclass(frozen=True)
class Cost:
    usd: float | None  # total cost to finish in USD; None means unknown, never zero
    model: str | None  # free | free_audit | one_time | subscription | tuition
    amount: float | None = None  # original amount as listed
    currency: str | None = None  # original ISO 4217 currency
    rate_date: date | None = None  # date of the exchange rate used
    basis: str | None = None  # None: the listing's own price; else the rule that estimated it


@dataclass(frozen=True)
class Outcomes:
    """College Scorecard medians for a program's field and credential at its institution, each with the
    number of graduates behind it (None: unknown or privacy-suppressed, never zero)."""

    earnings_usd: float | None = None  # median earnings of graduates, a year or so after completing
    earnings_count: int | None = None
    debt_usd: float | None = None  # median federal loan debt at graduation
    debt_count: int | None = None
    basis: str | None = None  # None: the listing's own figures; else where they were matched from

    @property
    def count(self) -> int | None:
        """Graduates behind the figures shown: the smaller count, so each figure rests on at least that many."""
        counts = [
            count
            for figure, count in ((self.earnings_usd, self.earnings_count), (self.debt_usd, self.debt_count))
            if figure is not None and count is not None
        ]
        return min(counts) if counts else None


NO_OUTCOMES = Outcomes()


@dataclass(frozen=True)
class Duration:
    weeks_min: float | None
    weeks_max: float | None

    @property
    def weeks(self) -> float | None:
        """The figure shown and ranked on: the longer end, so a plan is never too optimistic."""
        return self.weeks_max if self.weeks_max is not None else self.weeks_min


@dataclass(frozen=True)
class Program:
    source: str
    source_id: str
    url: str
    title: str
    provider: str | None
    institution: str | None
    kind: str  # certification | degree
    credential: str  # course | specialization | professional_certificate | ...
    delivery: str | None  # online | on_campus | hybrid
    pacing: str | None  # self_paced | scheduled
    level: str | None  # beginner | intermediate | advanced
    language: str | None  # ISO 639-1
    country: str | None  # ISO 3166-1 alpha-2
    cost: Cost
    duration: Duration
    effort_hours_per_week: float | None
    total_hours: float | None
    rating: float | None
    rating_count: int | None
    description: str | None
    skills: tuple[str, ...] = ()
    url_kind: str = "page"  # page: the program's own page | search: a search page for it
    topics: tuple[str, ...] = ()  # which of ml / ai / data_science it is relevant to
    relevance: float | None = None  # 0-1, how squarely it is about ML/AI/data science (pipeline.relevance)
    tuition_free_eu: bool | None = None  # EU residents study it tuition-free; None when not said
    fetched_at: str | None = None
    raw: dict = field(default_factory=dict, compare=False)
    cost_usd_in_state: float | None = None  # US in-state tuition total; cost.usd is the out-of-state one
    us_state: str | None = None  # a US program's state or territory (USPS code)
    outcomes: Outcomes = NO_OUTCOMES


@dataclass(frozen=True)
class Rejection:
    source: str
    reason: str
    raw: dict
