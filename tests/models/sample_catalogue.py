"""Small hand-written catalogues shaped like the real sources, stored in a temporary SQLite database."""

from datetime import datetime
from pathlib import Path

from sqlalchemy import Engine

from models.catalog import CatalogEntry
from pipeline.store.db import make_engine, writer_session
from pipeline.store.schema import Base, CrawlRun, Program, SourceRecord

SEEN = datetime(2025, 11, 1, 12, 0, 0)


def program(**fields) -> dict:
    """A program row: sensible unknowns, then the given fields (and their sources)."""
    row = {
        "provider": None, "institution": None, "delivery": None, "pacing": None, "level": None,
        "language": "en", "country": None, "cost_usd": None, "cost_model": None, "cost_amount": None,
        "cost_currency": None, "duration_weeks_min": None, "duration_weeks_max": None,
        "effort_hours_per_week": None, "total_hours": None, "rating": None, "rating_count": None,
        "description": None, "skills": [], "topics": ["ml"], "sources": ["coursera"], "tuition_free_eu": None,
        "cost_usd_in_state": None, "us_state": None,
    }  # fmt: skip
    row.update(fields)
    row.setdefault("url", f"https://example.org/{row['id']}")
    return row


GOOGLE_DATA_ANALYTICS = program(
    id=1, title="Google Data Analytics Professional Certificate", provider="Coursera", institution="Google",
    kind="certification", credential="professional_certificate", delivery="online", pacing="self_paced",
    level="beginner", cost_usd=294.0, cost_model="subscription", cost_amount=49.0, cost_currency="USD",
    duration_weeks_min=26, duration_weeks_max=26, effort_hours_per_week=10, rating=4.8, rating_count=133400,
    description="Prepare for a career in data analytics with spreadsheets, SQL, R and Tableau.",
    skills=["Data Analysis", "SQL", "R Programming", "Tableau", "Data Visualization"],
    topics=["data_science"], sources=["coursera", "coursera-catalog"],
)
DEEP_LEARNING_SPECIALIZATION = program(
    id=2, title="Deep Learning Specialization", provider="Coursera", institution="DeepLearning.AI",
    kind="certification", credential="specialization", delivery="online", pacing="self_paced",
    level="intermediate", cost_usd=245.0, cost_model="subscription", cost_amount=49.0, cost_currency="USD",
    duration_weeks_min=20, duration_weeks_max=20, effort_hours_per_week=8, rating=4.9, rating_count=140000,
    description="Build and train deep neural networks, convolutional networks and sequence models.",
    skills=["Deep Learning", "Neural Networks", "TensorFlow", "Convolutional Neural Network"],
    topics=["ml", "ai"],
)
EDX_PYTHON_FREE_AUDIT = program(
    id=3, title="Python for Data Science", provider="edX", institution="UC San Diego",
    kind="certification", credential="course", delivery="online", pacing="self_paced", level="beginner",
    cost_usd=99.0, cost_model="free_audit", cost_amount=99.0, cost_currency="USD",
    duration_weeks_min=10, duration_weeks_max=10, effort_hours_per_week=8, rating=4.4, rating_count=900,
    description="Python, Jupyter notebooks, pandas and the basics of machine learning.",
    skills=["Python", "Pandas", "Machine Learning"], topics=["data_science"], sources=["edx-catalog"],
)
UDEMY_SGD_COURSE = program(
    id=4, title="Machine Learning A-Z: AI, Python & R", provider="Udemy", institution=None,
    kind="certification", credential="course", delivery="online", pacing="self_paced", level="beginner",
    cost_usd=104.0, cost_model="one_time", cost_amount=139.98, cost_currency="SGD", total_hours=44,
    rating=4.5, rating_count=180000,
    description="Regression, classification, clustering, reinforcement learning, NLP and deep learning in Python.",
    skills=["Machine Learning", "Python", "R"], sources=["udemy-catalog"],
)
SAME_TITLE_OTHER_PROVIDER = program(
    id=5, title="Python for Data Science", provider="Class Central", institution="IBM",
    kind="certification", credential="course", delivery="online", pacing="self_paced", level="beginner",
    cost_usd=39.0, cost_model="subscription", cost_amount=39.0, cost_currency="USD",
    duration_weeks_min=4, duration_weeks_max=5, effort_hours_per_week=4, rating=4.6, rating_count=30000,
    description="Python, pandas and numpy for data science.", skills=["Python", "Pandas"],
    sources=["classcentral"],
)
ONLINE_MASTERS = program(
    id=6, title="Master of Computer Science in Data Science", provider="Coursera",
    institution="University of Illinois Urbana-Champaign", kind="degree", credential="master",
    delivery="online", pacing="scheduled", level=None, country="US", cost_usd=21600.0, cost_model="tuition",
    cost_amount=21600.0, cost_currency="USD", duration_weeks_min=52, duration_weeks_max=156,
    effort_hours_per_week=15,
    description="Machine learning, data mining, cloud computing and statistics at graduate level.",
    skills=["Machine Learning", "Data Mining", "Statistics"], sources=["classcentral"],
)
PHD_NO_COST = program(
    id=7, title="PhD in Machine Learning", provider=None, institution="Carnegie Mellon University",
    kind="degree", credential="doctorate", delivery="on_campus", pacing="scheduled", country="US",
    duration_weeks_min=260, duration_weeks_max=312,
    description="Research in statistical machine learning, deep learning theory and optimisation.",
    sources=["ds-colleges"],
)
CAMPUS_BACHELOR = program(
    id=8, title="Bachelor of Science in Data Science", provider=None, institution="University of Michigan",
    kind="degree", credential="bachelor", delivery="on_campus", pacing="scheduled", country="US",
    cost_usd=64000.0, cost_model="tuition", duration_weeks_min=208, duration_weeks_max=208,
    description="Statistics, computer science and machine learning foundations.", sources=["ds-colleges"],
)
GERMAN_MASTERS = program(
    id=9, title="MSc Data Engineering and Analytics", provider=None, institution="Technical University of Munich",
    kind="degree", credential="master", delivery="on_campus", pacing="scheduled", country="DE", language=None,
    cost_usd=650.0, cost_model="tuition", cost_amount=600.0, cost_currency="EUR",
    duration_weeks_min=104, duration_weeks_max=104,
    description="Data engineering, databases, machine learning and analytics.", sources=["mastersportal"],
)

REAL_SHAPED = [
    GOOGLE_DATA_ANALYTICS, DEEP_LEARNING_SPECIALIZATION, EDX_PYTHON_FREE_AUDIT, UDEMY_SGD_COURSE,
    SAME_TITLE_OTHER_PROVIDER, ONLINE_MASTERS, PHD_NO_COST, CAMPUS_BACHELOR, GERMAN_MASTERS,
]  # fmt: skip


def twin_courses(first_id: int = 100) -> list[dict]:
    """Two courses alike in every way but their subject: only interests can tell them apart."""
    alike = dict(
        kind="certification", credential="course", provider="Udemy", delivery="online", pacing="self_paced",
        level="beginner", cost_usd=20.0, cost_model="one_time", total_hours=20, rating=4.5, rating_count=1000,
        sources=["udemy-catalog"],
    )
    return [
        program(id=first_id, title="Deep Learning with PyTorch",
                description="Neural networks and deep learning: CNNs, RNNs and transformers.",
                skills=["Deep Learning", "PyTorch", "Neural Networks"], **alike),
        program(id=first_id + 1, title="Project Management Essentials",
                description="Plan projects, manage stakeholders, budgets and schedules.",
                skills=["Project Management", "Scrum", "Agile"], **alike),
    ]  # fmt: skip


def build_database(path: Path, programs: list[dict]) -> Engine:
    """A SQLite database at `path` with the catalogue tables and these programs."""
    engine = make_engine(f"sqlite:///{path}")
    Base.metadata.create_all(engine)
    with writer_session(engine) as session:
        run = CrawlRun(run_id="test", source="test", started=SEEN, finished=SEEN, status="ok")
        session.add(run)
        session.flush()
        for row in programs:
            fields = {key: value for key, value in row.items() if key in Program.__table__.c}
            session.add(Program(dedupe_key=f"test:{row['id']}", first_seen=SEEN, last_seen=SEEN, **fields))
            session.flush()
            for source in row["sources"]:
                session.add(SourceRecord(
                    program_id=row["id"], crawl_run_id=run.id, source=source, source_id=f"{source}:{row['id']}",
                    url=row["url"], raw={}, first_seen=SEEN, last_seen=SEEN,
                ))  # fmt: skip
    return engine


def as_entry(row: dict) -> CatalogEntry:
    """The CatalogEntry that load_catalog would give for this row (sources sorted)."""
    fields = {key: value for key, value in row.items() if key not in ("sources", "skills", "topics")}
    return CatalogEntry(
        **fields, skills=tuple(row["skills"]), topics=tuple(row["topics"]), sources=tuple(sorted(row["sources"]))
    )
