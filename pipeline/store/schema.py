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

    id: Mapped[int] = mapped_column(primary_key=True)
    run_id: Mapped[str] = mapped_column(String(64), index=True)  # the `mlpath run` it belongs to
    source: Mapped[str] = mapped_column(String(64), index=True)
    started: Mapped[datetime] = mapped_column(DateTime)
    finished: Mapped[datetime | None] = mapped_column(DateTime)
    status: Mapped[str] = mapped_column(String(16))  # running | ok | failed
    pages: Mapped[int] = mapped_column(Integer, default=0)
    items: Mapped[int] = mapped_column(Integer, default=0)  # what the spider yielded, before cleaning
    stored: Mapped[int] = mapped_column(Integer, default=0)
    rejected: Mapped[int] = mapped_column(Integer, default=0)
    errors: Mapped[int] = mapped_column(Integer, default=0)
    dropped: Mapped[dict] = mapped_column(JSON, default=dict)  # pages or rows dropped, by reason
    coverage: Mapped[dict | None] = mapped_column(JSON)  # share of items stating each watched field
    message: Mapped[str | None] = mapped_column(Text)  # why a failed run failed


class Program(Base):
    """One program in the catalogue, whichever sources list it."""

    __tablename__ = "programs"

    id: Mapped[int] = mapped_column(primary_key=True)
    dedupe_key: Mapped[str] = mapped_column(String(255), unique=True)
    title: Mapped[str] = mapped_column(Text)
    provider: Mapped[str | None] = mapped_column(Text)
    institution: Mapped[str | None] = mapped_column(Text)
    kind: Mapped[str] = mapped_column(String(16), index=True)
    credential: Mapped[str] = mapped_column(String(32))
    delivery: Mapped[str | None] = mapped_column(String(16))
    pacing: Mapped[str | None] = mapped_column(String(16))
    level: Mapped[str | None] = mapped_column(String(16))
    language: Mapped[str | None] = mapped_column(String(8))
    country: Mapped[str | None] = mapped_column(String(2))
    cost_usd: Mapped[float | None] = mapped_column(Float)
    cost_model: Mapped[str | None] = mapped_column(String(16))
    cost_amount: Mapped[float | None] = mapped_column(Float)
    cost_currency: Mapped[str | None] = mapped_column(String(3))
    cost_rate_date: Mapped[date | None] = mapped_column(Date)
    cost_basis: Mapped[str | None] = mapped_column(Text)  # None: the listing's price; else the rule used
    # Whether EU residents study it tuition-free (a fact of residence, beside the cost; None: not said)
    tuition_free_eu: Mapped[bool | None] = mapped_column(Boolean)
    duration_weeks_min: Mapped[float | None] = mapped_column(Float)
    duration_weeks_max: Mapped[float | None] = mapped_column(Float)
    effort_hours_per_week: Mapped[float | None] = mapped_column(Float)
    total_hours: Mapped[float | None] = mapped_column(Float)
    rating: Mapped[float | None] = mapped_column(Float)
    rating_count: Mapped[int | None] = mapped_column(Integer)
    url: Mapped[str] = mapped_column(Text)  # a page a person can open: never a dataset file
    url_kind: Mapped[str] = mapped_column(String(8), default="page", server_default="page")  # page | search
    description: Mapped[str | None] = mapped_column(Text)
    skills: Mapped[list] = mapped_column(JSON, default=list)
    topics: Mapped[list] = mapped_column(JSON, default=list)
    relevance: Mapped[float | None] = mapped_column(Float)  # 0-1: how squarely about ML/AI/data science
    active: Mapped[bool] = mapped_column(Boolean, default=True, server_default=true())  # false: no source lists it
    captured: Mapped[str | None] = mapped_column(String(40))  # newest fetch time of the data behind it
    cost_usd_in_state: Mapped[float | None] = mapped_column(Float)  # US in-state tuition total (cost_usd: out-of-state)
    us_state: Mapped[str | None] = mapped_column(String(2))  # USPS code of a US program's state
    # College Scorecard medians for the program's field and credential at its institution
    earnings_usd: Mapped[float | None] = mapped_column(Float)
    earnings_count: Mapped[int | None] = mapped_column(Integer)  # graduates behind earnings_usd
    debt_usd: Mapped[float | None] = mapped_column(Float)
    debt_count: Mapped[int | None] = mapped_column(Integer)  # graduates behind debt_usd
    outcomes_count: Mapped[int | None] = mapped_column(Integer)  # the smaller: each figure rests on at least this many
    outcomes_basis: Mapped[str | None] = mapped_column(Text)  # None: the listing's own; else where matched from
    first_seen: Mapped[datetime] = mapped_column(DateTime)
    last_seen: Mapped[datetime] = mapped_column(DateTime)


class SourceRecord(Base):
    """A program as one source lists it: the raw item, and the crawl run that last saw it."""

    __tablename__ = "source_records"
    __table_args__ = (UniqueConstraint("source", "source_id"),)

    id: Mapped[int] = mapped_column(primary_key=True)
    program_id: Mapped[int] = mapped_column(ForeignKey("programs.id", ondelete="CASCADE"), index=True)
    crawl_run_id: Mapped[int] = mapped_column(ForeignKey("crawl_runs.id"), index=True)
    source: Mapped[str] = mapped_column(String(64))
    source_id: Mapped[str] = mapped_column(String(512))
    url: Mapped[str] = mapped_column(Text)
    raw: Mapped[dict] = mapped_column(JSON)
    values: Mapped[dict] = mapped_column(JSON, default=dict)  # this listing's clean values, merged by trust
    fetched_at: Mapped[str | None] = mapped_column(String(40))
    first_seen: Mapped[datetime] = mapped_column(DateTime)
    last_seen: Mapped[datetime] = mapped_column(DateTime)


class ProgramChange(Base):
    """History: a field of a program that a later crawl changed."""

    __tablename__ = "program_changes"

    id: Mapped[int] = mapped_column(primary_key=True)
    program_id: Mapped[int] = mapped_column(ForeignKey("programs.id", ondelete="CASCADE"), index=True)
    crawl_run_id: Mapped[int] = mapped_column(ForeignKey("crawl_runs.id"))
    field: Mapped[str] = mapped_column(String(64))
    old_value: Mapped[str | None] = mapped_column(Text)
    new_value: Mapped[str | None] = mapped_column(Text)
    changed_at: Mapped[datetime] = mapped_column(DateTime)


class RejectedItem(Base):
    """A raw item the pipeline refused, with the reason."""

    __tablename__ = "rejected_items"
    __table_args__ = (UniqueConstraint("crawl_run_id", "source_key"),)

    id: Mapped[int] = mapped_column(primary_key=True)
    crawl_run_id: Mapped[int] = mapped_column(ForeignKey("crawl_runs.id", ondelete="CASCADE"), index=True)
    source: Mapped[str] = mapped_column(String(64), index=True)
    source_key: Mapped[str] = mapped_column(String(512))  # the raw item's source_id, or its position
    raw: Mapped[dict] = mapped_column(JSON)
    reason: Mapped[str] = mapped_column(Text)



class Feedback(Base):
    """What a user said of a program (like, dismiss, enrolled), keyed by the program's first source record."""

    __tablename__ = "feedback"
    __table_args__ = (UniqueConstraint("user", "source", "source_id"),)

    id: Mapped[int] = mapped_column(primary_key=True)
    user: Mapped[str] = mapped_column(String(128), index=True)
    source: Mapped[str] = mapped_column(String(64))
    source_id: Mapped[str] = mapped_column(String(512))
    action: Mapped[str] = mapped_column(String(16))  # like | dismiss | enrolled
    profile: Mapped[dict | None] = mapped_column(JSON)  # the profile of the user's latest list, for training
    created: Mapped[datetime] = mapped_column(DateTime)


class RankerModel(Base):
    """A trained ranker: its version, when, on what, how it scored, and whether it is the one in use."""

    __tablename__ = "models"

    id: Mapped[int] = mapped_column(primary_key=True)
    version: Mapped[str] = mapped_column(String(64), unique=True)
    trained: Mapped[datetime] = mapped_column(DateTime)
    catalogue: Mapped[str] = mapped_column(String(128))  # the catalogue fingerprint it was trained on
    judgements: Mapped[int] = mapped_column(Integer, default=0)
    feedback: Mapped[int] = mapped_column(Integer, default=0)
    scores: Mapped[dict] = mapped_column(JSON, default=dict)
    in_use: Mapped[bool] = mapped_column(Boolean, default=False)
