"""Storing: pipeline.store.upsert.store_programs upserting N normalised programs (with their source
records) into an empty SQLite catalogue, against plain sqlite3 executemany INSERT of the same rows.

    .venv/bin/python benchmarks/store.py [--rows 100000]

The programs are the real rows of the edX, Udemy and Coursera datasets of the corpus that clean() keeps
(909 on ML, AI and data science), read by the crawlers' parsers, then repeated to N, each copy its own
record and page at one of SCHOOLS schools (100 programs each at 100,000). The last line printed is one JSON object:
store_rows_per_s, raw_sqlite_rows_per_s, their ratio.
"""

import argparse
import dataclasses
import json
import sqlite3
import sys
import tempfile
import time
from pathlib import Path

from crawlers.parsers import coursera_catalog, edx_catalog, udemy_catalog
from crawlers.parsers.csv_feed import Dropped
from pipeline.clean import clean
from pipeline.records import Program
from pipeline.store.db import make_engine, writer_session
from pipeline.store.migrate import upgrade_to_head
from pipeline.store.runs import open_run
from pipeline.store.upsert import store_programs

CORPUS = Path(__file__).resolve().parents[2] / "shared" / "corpus"

# Real rows of the corpus datasets, read by the crawlers' own feed parsers and cleaned by the pipeline.
CORPUS_FEEDS = (
    ("datasets/edx_courses_974.csv", edx_catalog.parse_feed),
    ("datasets/udemy_raw_16429.csv", udemy_catalog.parse_feed),
    ("datasets/coursera_catalog_1139.csv", coursera_catalog.parse_feed),
)
SCHOOLS = 1_000


def corpus_programs() -> list[Program]:
    programs = []
    for name, parse in CORPUS_FEEDS:
        if not (CORPUS / name).is_file():
            sys.exit(f"error: corpus dataset missing: {CORPUS / name}")
        for raw in parse((CORPUS / name).read_bytes(), f"https://example.org/{name}", "2025-11-01T00:00:00+00:00"):
            if not isinstance(raw, Dropped) and isinstance(program := clean(dict(raw)), Program):
                programs.append(program)
    return programs


def programs(count: int) -> list[Program]:
    """`count` programs made from the cleaned corpus programs in turn, each its own record and page,
    at one of SCHOOLS schools (so a title comes back at another school, as real titles do)."""
    real = corpus_programs()
    return [
        dataclasses.replace(
            real[number % len(real)], source_id=f"{real[number % len(real)].source_id}#{number}",
            url=f"https://example.org/program/{number}", url_kind="page", institution=f"University {number % SCHOOLS}",
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
        (f"{p.source}|{p.source_id}", p.title, p.provider, p.institution, p.kind,
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
