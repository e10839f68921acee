"""The catalogue's tables (SQLAlchemy 2 typed models). Alembic migrations in alembic/ target these."""

from datetime import date, datetime

from sqlalchemy import (
    JSON,
    Boolean,
    Date,
    DateTime,
    Float,
    ForeignKey,
    Integer,
    MetaData,
    String,
    Text,
    UniqueConstraint,
    true,
)
from sqlalchemy.orm import DeclarativeBase, Mapped, mapped_column

NAMING_CONVENTION = {
    "ix": "ix_%(column_0_label)s",
    "uq": "uq_%(table_name)s_%(column_0_name)s",
    "ck": "ck_%(table_name)s_%(constraint_name)s",
    "fk": "fk_%(table_name)s_%(column_0_name)s_%(referred_table_name)s",
    "pk": "pk_%(table_name)s",
}


class Base(DeclarativeBase):
    metadata = MetaData(naming_convention=NAMING_CONVENTION)


class CrawlRun(Base):
    """One source crawled once: what the spider yielded and what became of it."""

    __tablename__ = "crawl_runs"

    id: Mapped[int] = mapped_column(primary_key=True, doc="Surrogate key.")
    run_id: Mapped[str] = mapped_column(String(64), index=True, doc="The `mlpath run` it belongs to.")
    source: Mapped[str] = mapped_column(String(64), index=True, doc="The source's name in crawlers/registry.py.")
    started: Mapped[datetime] = mapped_column(DateTime, doc="When the crawl started (UTC).")
    finished: Mapped[datetime | None] = mapped_column(DateTime, doc="When the crawl ended (UTC); empty while running.")
    status: Mapped[str] = mapped_column(String(16), doc="running | ok | failed.")
    pages: Mapped[int] = mapped_column(Integer, default=0, doc="Pages or files fetched.")
    items: Mapped[int] = mapped_column(Integer, default=0, doc="What the spider yielded, before cleaning.")
    stored: Mapped[int] = mapped_column(Integer, default=0, doc="Items stored as programs.")
    rejected: Mapped[int] = mapped_column(Integer, default=0, doc="Items refused, with reasons in rejected_items.")
    errors: Mapped[int] = mapped_column(Integer, default=0, doc="Errors the crawl reported.")
    dropped: Mapped[dict] = mapped_column(JSON, default=dict, doc="Pages or rows dropped, by reason.")
    coverage: Mapped[dict | None] = mapped_column(JSON, doc="Share of items stating each watched field.")
    message: Mapped[str | None] = mapped_column(Text, doc="Why a failed run failed.")


class Program(Base):
    """One program in the catalogue, whichever sources list it."""

    __tablename__ = "programs"

    id: Mapped[int] = mapped_column(primary_key=True, doc="Surrogate key.")
    dedupe_key: Mapped[str] = mapped_column(
        String(255), unique=True, doc="The program's key: folded, transliterated title, provider and credential.",
    )
    title: Mapped[str] = mapped_column(Text, doc="The program's title.")
    provider: Mapped[str | None] = mapped_column(Text, doc="Who offers it (platform or school).")
    institution: Mapped[str | None] = mapped_column(
        Text, doc="The school or company behind it, when a platform lists it.",
    )
    kind: Mapped[str] = mapped_column(String(16), index=True, doc="certification | degree.")
    credential: Mapped[str] = mapped_column(
        String(32), doc="course, specialization, professional certificate, bachelor, master, ...",
    )
    delivery: Mapped[str | None] = mapped_column(String(16), doc="online | on-campus | hybrid; empty: unknown.")
    pacing: Mapped[str | None] = mapped_column(String(16), doc="self-paced | scheduled; empty: unknown.")
    level: Mapped[str | None] = mapped_column(String(16), doc="beginner | intermediate | advanced; empty: unknown.")
    language: Mapped[str | None] = mapped_column(String(8), doc="ISO 639-1 code of the teaching language.")
    country: Mapped[str | None] = mapped_column(String(2), doc="ISO 3166-1 alpha-2 code of where it is taught.")
    cost_usd: Mapped[float | None] = mapped_column(Float, doc="Total cost to finish, in USD; empty: unknown.")
    cost_model: Mapped[str | None] = mapped_column(
        String(16), doc="free | free_audit | one_time | subscription | tuition.",
    )
    cost_amount: Mapped[float | None] = mapped_column(Float, doc="The listed amount, in its currency.")
    cost_currency: Mapped[str | None] = mapped_column(String(3), doc="ISO 4217 code of the listed amount.")
    cost_rate_date: Mapped[date | None] = mapped_column(Date, doc="Date of the exchange rate used for cost_usd.")
    cost_basis: Mapped[str | None] = mapped_column(Text, doc="None: the listing's price; else the rule used.")
    tuition_free_eu: Mapped[bool | None] = mapped_column(
        Boolean,
        doc="Whether EU residents study it tuition-free (a fact of residence, beside the cost; None: not said).",
    )
    duration_weeks_min: Mapped[float | None] = mapped_column(Float, doc="Shortest stated duration, in weeks.")
    duration_weeks_max: Mapped[float | None] = mapped_column(Float, doc="Longest stated duration, in weeks.")
    effort_hours_per_week: Mapped[float | None] = mapped_column(Float, doc="Stated study hours a week.")
    total_hours: Mapped[float | None] = mapped_column(Float, doc="Total study hours (effort x duration, or as stated).")
    rating: Mapped[float | None] = mapped_column(Float, doc="Mean learner rating, 0-5.")
    rating_count: Mapped[int | None] = mapped_column(Integer, doc="Ratings behind the mean.")
    url: Mapped[str] = mapped_column(Text, doc="A page a person can open: never a dataset file.")
    url_kind: Mapped[str] = mapped_column(String(8), default="page", server_default="page", doc="page | search.")
    description: Mapped[str | None] = mapped_column(Text, doc="The listing's description, cleaned.")
    skills: Mapped[list] = mapped_column(JSON, default=list, doc="Skills the listing names (list).")
    topics: Mapped[list] = mapped_column(
        JSON, default=list, doc="Of ml, ai, data_science (list); empty for an adjacent computing degree.",
    )
    relevance: Mapped[float | None] = mapped_column(Float, doc="0-1: how squarely about ML/AI/data science.")
    active: Mapped[bool] = mapped_column(Boolean, default=True, server_default=true(), doc="False: no source lists it.")
    captured: Mapped[str | None] = mapped_column(String(40), doc="Newest fetch time of the data behind it.")
    cost_usd_in_state: Mapped[float | None] = mapped_column(
        Float, doc="US in-state tuition total (cost_usd: out-of-state).",
    )
    us_state: Mapped[str | None] = mapped_column(String(2), doc="USPS code of a US program's state.")
    earnings_usd: Mapped[float | None] = mapped_column(
        Float,
        doc="Median earnings of graduates in the program's field and credential at its institution (Scorecard).",
    )
    earnings_count: Mapped[int | None] = mapped_column(Integer, doc="Graduates behind earnings_usd.")
    debt_usd: Mapped[float | None] = mapped_column(Float, doc="Median debt of graduates, as earnings_usd.")
    debt_count: Mapped[int | None] = mapped_column(Integer, doc="Graduates behind debt_usd.")
    outcomes_count: Mapped[int | None] = mapped_column(
        Integer, doc="Graduates behind the outcomes: the smaller count, so each figure rests on at least this many.",
    )
    outcomes_basis: Mapped[str | None] = mapped_column(Text, doc="None: the listing's own; else where matched from.")
    first_seen: Mapped[datetime] = mapped_column(DateTime, doc="When a crawl first saw it (UTC).")
    last_seen: Mapped[datetime] = mapped_column(DateTime, doc="When a crawl last saw it (UTC).")


class SourceRecord(Base):
    """A program as one source lists it: the raw item, and the crawl run that last saw it."""

    __tablename__ = "source_records"
    __table_args__ = (UniqueConstraint("source", "source_id"),)

    id: Mapped[int] = mapped_column(primary_key=True, doc="Surrogate key.")
    program_id: Mapped[int] = mapped_column(
        ForeignKey("programs.id", ondelete="CASCADE"), index=True, doc="The program it belongs to.",
    )
    crawl_run_id: Mapped[int] = mapped_column(
        ForeignKey("crawl_runs.id"), index=True, doc="The crawl run that last saw it.",
    )
    source: Mapped[str] = mapped_column(String(64), doc="The source's name in crawlers/registry.py.")
    source_id: Mapped[str] = mapped_column(String(512), doc="The listing's id at its source, stable across crawls.")
    url: Mapped[str] = mapped_column(Text, doc="The listing's URL.")
    raw: Mapped[dict] = mapped_column(JSON, doc="The raw item as the spider yielded it.")
    values: Mapped[dict] = mapped_column(JSON, default=dict, doc="This listing's clean values, merged by trust.")
    fetched_at: Mapped[str | None] = mapped_column(String(40), doc="When the listing was fetched (ISO 8601).")
    first_seen: Mapped[datetime] = mapped_column(DateTime, doc="When a crawl first saw it (UTC).")
    last_seen: Mapped[datetime] = mapped_column(DateTime, doc="When a crawl last saw it (UTC).")


class ProgramChange(Base):
    """History: a field of a program that a later crawl changed."""

    __tablename__ = "program_changes"

    id: Mapped[int] = mapped_column(primary_key=True, doc="Surrogate key.")
    program_id: Mapped[int] = mapped_column(
        ForeignKey("programs.id", ondelete="CASCADE"), index=True, doc="The program it belongs to.",
    )
    crawl_run_id: Mapped[int] = mapped_column(
        ForeignKey("crawl_runs.id"), doc="The crawl run that saw the change.",
    )
    field: Mapped[str] = mapped_column(String(64), doc="The programs column that changed.")
    old_value: Mapped[str | None] = mapped_column(Text, doc="Its value before.")
    new_value: Mapped[str | None] = mapped_column(Text, doc="Its value after.")
    changed_at: Mapped[datetime] = mapped_column(DateTime, doc="When the change was stored (UTC).")


class RejectedItem(Base):
    """A raw item the pipeline refused, with the reason."""

    __tablename__ = "rejected_items"
    __table_args__ = (UniqueConstraint("crawl_run_id", "source_key"),)

    id: Mapped[int] = mapped_column(primary_key=True, doc="Surrogate key.")
    crawl_run_id: Mapped[int] = mapped_column(
        ForeignKey("crawl_runs.id", ondelete="CASCADE"), index=True, doc="The crawl run that refused it.",
    )
    source: Mapped[str] = mapped_column(String(64), index=True, doc="The source's name in crawlers/registry.py.")
    source_key: Mapped[str] = mapped_column(String(512), doc="The raw item's source_id, or its position.")
    raw: Mapped[dict] = mapped_column(JSON, doc="The raw item as the spider yielded it.")
    reason: Mapped[str] = mapped_column(Text, doc="Why the item was refused.")



class Feedback(Base):
    """What a user said of a program (like, dismiss, enrolled), keyed by the program's first source record."""

    __tablename__ = "feedback"
    __table_args__ = (UniqueConstraint("user", "source", "source_id"),)

    id: Mapped[int] = mapped_column(primary_key=True, doc="Surrogate key.")
    user: Mapped[str] = mapped_column(String(128), index=True, doc="Who gave the feedback.")
    source: Mapped[str] = mapped_column(String(64), doc="The source's name in crawlers/registry.py.")
    source_id: Mapped[str] = mapped_column(String(512), doc="The listing's id at its source, stable across crawls.")
    action: Mapped[str] = mapped_column(String(16), doc="like | dismiss | enrolled.")
    profile: Mapped[dict | None] = mapped_column(JSON, doc="The profile of the user's latest list, for training.")
    created: Mapped[datetime] = mapped_column(DateTime, doc="When it was given (UTC).")


class RankerModel(Base):
    """A trained ranker: its version, when, on what, how it scored, and whether it is the one in use."""

    __tablename__ = "models"

    id: Mapped[int] = mapped_column(primary_key=True, doc="Surrogate key.")
    version: Mapped[str] = mapped_column(String(64), unique=True, doc="The model's version.")
    trained: Mapped[datetime] = mapped_column(DateTime, doc="When it was trained (UTC).")
    catalogue: Mapped[str] = mapped_column(String(128), doc="The catalogue fingerprint it was trained on.")
    judgements: Mapped[int] = mapped_column(Integer, default=0, doc="Graded judgements it was trained on.")
    feedback: Mapped[int] = mapped_column(Integer, default=0, doc="Feedback rows it was trained on.")
    scores: Mapped[dict] = mapped_column(JSON, default=dict, doc="Evaluation scores by metric.")
    in_use: Mapped[bool] = mapped_column(Boolean, default=False, doc="Whether recommendations use this model.")
