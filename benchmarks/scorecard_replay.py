"""How long the scorecard spider takes to replay its two files, against the floor of merely unpacking
and CSV-reading them (bz2 + csv, nothing else) in the same invocation, so the ratio holds on a busy or
a quiet machine. Prints one JSON object.

    .venv/bin/python benchmarks/scorecard_replay.py [path/to/catalog.warc.gz]
"""

import bz2
import csv
import io
import json
import os
import resource
import subprocess
import sys
import tempfile
import time
from pathlib import Path

REPO = Path(__file__).resolve().parents[1]
CORPUS = REPO.parent / "shared" / "corpus"
FILES = ("datasets/scorecard_merged_2023_24_6429.csv.bz2", "datasets/scorecard_fos_1516_1617_216638.csv.bz2")


def floor_seconds() -> tuple[float, float]:
    """Wall and CPU seconds to unpack and csv-read both files in this process."""
    wall, cpu = time.perf_counter(), time.process_time()
    for name in FILES:
        text = io.TextIOWrapper(bz2.BZ2File(io.BytesIO((CORPUS / name).read_bytes())), encoding="utf-8-sig", newline="")
        for _row in csv.reader(text):
            pass
    return time.perf_counter() - wall, time.process_time() - cpu


def spider_seconds(archive: Path) -> tuple[float, float]:
    """Wall and CPU seconds of `scrapy crawl scorecard` replaying the archive, in a subprocess."""
    before = resource.getrusage(resource.RUSAGE_CHILDREN)
    with tempfile.TemporaryDirectory() as out:
        command = [sys.executable, "-m", "scrapy", "crawl", "scorecard", "-s", f"REPLAY_PATH={archive}",
                   "-s", f"LOG_FILE={out}/log", "-O", f"{out}/items.jsonl:jsonlines"]
        wall = time.perf_counter()
        subprocess.run(command, cwd=REPO, check=True, env={**os.environ, "SCRAPY_SETTINGS_MODULE": "crawlers.settings"})
        wall = time.perf_counter() - wall
    after = resource.getrusage(resource.RUSAGE_CHILDREN)
    return wall, (after.ru_utime - before.ru_utime) + (after.ru_stime - before.ru_stime)


def main() -> None:
    archive = Path(sys.argv[1]) if len(sys.argv) > 1 else CORPUS / "archive" / "catalog.warc.gz"
    floor_wall, floor_cpu = floor_seconds()
    spider_wall, spider_cpu = spider_seconds(archive)
    print(json.dumps({
        "scorecard_replay_wall_s": round(spider_wall, 2), "scorecard_replay_cpu_s": round(spider_cpu, 2),
        "floor_wall_s": round(floor_wall, 2), "floor_cpu_s": round(floor_cpu, 2),
        "cpu_ratio_to_floor": round(spider_cpu / floor_cpu, 2), "load_average_1min": os.getloadavg()[0],
    }))  # fmt: skip


if __name__ == "__main__":
    main()
