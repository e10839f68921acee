"""Storing: pipeline.store.upsert.store_programs upserting N normalised programs (with their source
records) into an empty SQLite catalogue, against plain sqlite3 executemany INSERT of the same rows.

    .venv/bin/python benchmarks/store.py [--rows 100000]

The programs are shaped like a real edX row; their titles are the real titles of the corpus datasets
(edX, Udemy, Coursera: about 18,000, so titles repeat across schools as "Introduction to Machine
Learning" does), spread over SCHOOLS schools: about 100,000 / SCHOOLS programs per school, each one
its own record (nothing merges). The last line printed is one JSON object: store_rows_per_s,
raw_sqlite_rows_per_s, their ratio.
"""

import argparse
import csv
import dataclasses
import json
import sqlite3
import sys
import tempfile
import time
from pathlib import Path

from pipeline.records import Cost, Duration, Program
from pipeline.store.db import make_engine, writer_session
from pipeline.store.migrate import upgrade_to_head
from pipeline.store.runs import open_run
from pipeline.store.upsert import store_programs

REPO = Path(__file__).resolve().parents[1]

# Shaped like the real edX row "Machine Learning with Python: from Linear Models to Deep Learning".
TEMPLATE = Program(
    source="edx-catalog", source_id="", url="", title="", provider="edX",
    institution="Massachusetts Institute of Technology", kind="certification", credential="course",
    delivery="online", pacing="scheduled", level="advanced", language="en", country=None,
    cost=Cost(usd=300.0, model="free_audit", amount=300.0, currency="USD"),
    duration=Duration(weeks_min=15, weeks_max=15), effort_hours_per_week=12.5, total_hours=187.5,
    rating=None, rating_count=None, description="An in-depth introduction to machine learning.",
    skills=("machine learning",), topics=("ml",),
)  # fmt: skip
DATASETS = REPO.parent / "shared" / "corpus" / "datasets"
TITLE_COLUMNS = {"edx_courses_974.csv": "title", "udemy_raw_16429.csv": "Title", "coursera_catalog_1139.csv": "course"}
SCHOOLS = 1_000


def corpus_titles() -> list[str]:
    titles = []
    for name, column in TITLE_COLUMNS.items():
        if not (DATASETS / name).is_file():
            sys.exit(f"error: corpus dataset missing: {DATASETS / name}")
        with (DATASETS / name).open(encoding="utf-8", newline="") as rows:
            titles += [row[column].strip() for row in csv.DictReader(rows) if row[column].strip()]
    return list(dict.fromkeys(titles))


def programs(count: int) -> list[Program]:
    """Distinct programs: each its own record and page, a corpus title at one of SCHOOLS schools."""
    titles = corpus_titles()
    return [
        dataclasses.replace(
            TEMPLATE, source_id=f"course-{number}", url=f"https://www.edx.org/course/course-{number}",
            title=titles[number % len(titles)], institution=f"University {number % SCHOOLS}",
        )
        for number in range(count)
    ]  # fmt: skip


def store_rows_per_s(rows: list[Program], folder: Path) -> float:
    url = f"sqlite:///{folder / 'catalogue.db'}"
    upgrade_to_head(url)
    engine = make_engine(url)
    started = time.perf_counter()
    with writer_session(engine) as session:
        run = open_run(session, "bench", "edx-catalog")
        store_programs(session, run, rows)
    seconds = time.perf_counter() - started
    engine.dispose()
    return len(rows) / seconds


def raw_sqlite_rows_per_s(rows: list[Program], folder: Path) -> float:
    """The floor: the same program rows in one executemany into a table of the same columns, WAL mode."""
    connection = sqlite3.connect(folder / "raw.db")
    connection.execute("PRAGMA journal_mode=WAL")
    connection.execute(
        "CREATE TABLE programs (id INTEGER PRIMARY KEY, dedupe_key TEXT UNIQUE, title TEXT, provider TEXT,"
        " institution TEXT, kind TEXT, credential TEXT, delivery TEXT, pacing TEXT, level TEXT, language TEXT,"
        " country TEXT, cost_usd REAL, cost_model TEXT, cost_amount REAL, cost_currency TEXT,"
        " duration_weeks_min REAL, duration_weeks_max REAL, effort_hours_per_week REAL, total_hours REAL,"
        " rating REAL, rating_count INTEGER, url TEXT, description TEXT, skills TEXT, topics TEXT)"
    )
    started = time.perf_counter()
    values = [
        (f"{p.credential}|{p.title.lower()}|{p.institution}", p.title, p.provider, p.institution, p.kind,
         p.credential, p.delivery, p.pacing, p.level, p.language, p.country, p.cost.usd, p.cost.model,
         p.cost.amount, p.cost.currency, p.duration.weeks_min, p.duration.weeks_max, p.effort_hours_per_week,
         p.total_hours, p.rating, p.rating_count, p.url, p.description, json.dumps(p.skills), json.dumps(p.topics))
        for p in rows
    ]  # fmt: skip
    with connection:
        connection.executemany(f"INSERT INTO programs VALUES (NULL, {', '.join('?' * 25)})", values)
    seconds = time.perf_counter() - started
    connection.close()
    return len(rows) / seconds


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--rows", type=int, default=100_000)
    arguments = parser.parse_args()
    rows = programs(arguments.rows)
    with tempfile.TemporaryDirectory(prefix="mlpath-bench-store-") as folder:
        raw = raw_sqlite_rows_per_s(rows, Path(folder))
        ours = store_rows_per_s(rows, Path(folder))
    print(f"store: {ours:,.0f} rows/s, raw sqlite3: {raw:,.0f} rows/s ({ours / raw:.3f})", file=sys.stderr)
    print(json.dumps({"benchmark": "store", "rows": arguments.rows, "store_rows_per_s": round(ours, 1),
                      "raw_sqlite_rows_per_s": round(raw, 1), "ratio": round(ours / raw, 4)}))


if __name__ == "__main__":
    main()
