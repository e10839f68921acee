"""Every benchmark in one invocation (`make bench`); the last line printed is one JSON object with each
figure beside its baseline from this same invocation, and whether each goal of issue 11 is met.

Each benchmark runs as its own process (benchmarks/crawl.py, parse.py, store.py, recommend.py when the
ranker's benchmark exists, cold_start.py) and is read from the JSON of its last line; peak_rss_mb is
the largest resident set of those processes (getrusage of the children). run_wall_s is `mlpath run
--replay` of the corpus archive end to end, with its temporary Prefect server, in a fresh MLPATH_HOME;
that catalogue then serves cold_start.py.

    .venv/bin/python benchmarks/run_all.py [--store-rows 100000] [--crawl-copies 10]
"""

import argparse
import json
import os
import resource
import subprocess
import sys
import tempfile
import time
from pathlib import Path

BENCHMARKS = Path(__file__).resolve().parent
ARCHIVE = BENCHMARKS.parent.parent / "shared" / "corpus" / "archive" / "catalog.warc.gz"
MLPATH = str(Path(sys.executable).with_name("mlpath"))
GOALS = {  # figure: (comparison, bound)
    "crawl_ratio": (">=", 0.5), "parse_ratio": ("<=", 3.0), "store_ratio": (">=", 0.25),
    "recommend_p50_ms": ("<=", 50.0), "recommend_p95_ms": ("<=", 150.0), "cold_recommend_ratio": ("<=", 2.0),
    "peak_rss_mb": ("<=", 1536.0), "run_wall_s": ("<=", 75.0),
}  # fmt: skip


def last_json(script: str, *arguments: str, env: dict | None = None) -> dict:
    print(f"== {script} {' '.join(arguments)}", file=sys.stderr)
    done = subprocess.run([sys.executable, str(BENCHMARKS / script), *arguments], stdout=subprocess.PIPE,
                          text=True, env=env, check=True)
    return json.loads(done.stdout.strip().splitlines()[-1])


def replay_run(home: Path) -> float:
    print(f"== mlpath run --replay {ARCHIVE} (MLPATH_HOME={home})", file=sys.stderr)
    env = {**os.environ, "MLPATH_HOME": str(home)}
    env.pop("MLPATH_DATABASE_URL", None)
    started = time.perf_counter()
    subprocess.run([MLPATH, "run", "--replay", str(ARCHIVE)], env=env, check=True, stdout=subprocess.DEVNULL)
    return time.perf_counter() - started


def recommend_figures(store_rows: int) -> dict:
    if not (BENCHMARKS / "recommend.py").is_file():
        print("benchmarks/recommend.py does not exist yet (the ranker's): recommend figures are null",
              file=sys.stderr)
        return dict.fromkeys(("recommend_p50_ms", "recommend_p95_ms", "recommend_floor_ms", "catalog_size"))
    figures = last_json("recommend.py")
    return {key: figures.get(key) for key in ("recommend_p50_ms", "recommend_p95_ms", "recommend_floor_ms",
                                              "catalog_size")}


def goals_met(figures: dict) -> dict:
    met = {}
    for name, (comparison, bound) in GOALS.items():
        value = figures.get(name)
        met[f"{name.removesuffix('_ratio')}_ok"] = (
            None if value is None else value >= bound if comparison == ">=" else value <= bound)
    return met


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--store-rows", default="100000")
    parser.add_argument("--crawl-copies", default="10")
    arguments = parser.parse_args()
    with tempfile.TemporaryDirectory(prefix="mlpath-bench-") as folder:
        home = Path(folder)
        run_wall_s = replay_run(home)
        crawl = last_json("crawl.py", "--copies", arguments.crawl_copies)
        parse = last_json("parse.py")
        store = last_json("store.py", "--rows", arguments.store_rows)
        recommend = recommend_figures(int(arguments.store_rows))
        cold = last_json("cold_start.py", "--home", str(home))
    figures = {
        "crawl_pages_per_s": crawl["crawl_pages_per_s"], "scrapy_bench_pages_per_s": crawl["scrapy_bench_pages_per_s"],
        "crawl_ratio": crawl["ratio"],
        "parse_ms_per_page": parse["parse_ms_per_page"], "lxml_parse_ms_per_page": parse["lxml_parse_ms_per_page"],
        "parse_ratio": parse["ratio"],
        "store_rows_per_s": store["store_rows_per_s"], "raw_sqlite_rows_per_s": store["raw_sqlite_rows_per_s"],
        "store_ratio": store["ratio"], "store_rows": store["rows"],
        **recommend,
        "cold_recommend_s": cold["seconds"]["recommend"], "import_floor_s": cold["seconds"]["floor"],
        "cold_recommend_ratio": cold["ratio_to_floor"]["recommend"],
        "peak_rss_mb": round(resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss / 1024, 1),
        "run_wall_s": round(run_wall_s, 2),
    }  # fmt: skip
    print(json.dumps({**figures, **goals_met(figures)}))


if __name__ == "__main__":
    main()
