"""Crawling: the real schemaorg spider over a loopback site of realistic course pages, against
`scrapy bench` (Scrapy's own loopback benchmark) run in the same invocation.

The site is copies of the corpus pages (Class Central and Coursera, about 700 KB each) written at run
time into a temporary folder and served by `python -m http.server` on 127.0.0.1; nothing is committed.
Politeness is for other people's sites: on loopback the spider runs without AutoThrottle and with
Scrapy's default concurrency (16), as `scrapy bench` does; everything else is the project's settings.
Both figures are responses / elapsed_time_seconds from Scrapy's own final stats.

    .venv/bin/python benchmarks/crawl.py [--copies 10]

The last line printed is one JSON object: crawl_pages_per_s, scrapy_bench_pages_per_s, their ratio.
"""

import argparse
import json
import os
import re
import shutil
import socket
import subprocess
import sys
import tempfile
import time
from pathlib import Path

REPO = Path(__file__).resolve().parents[1]
PAGES = REPO.parent / "shared" / "corpus" / "pages"
_ELAPSED = re.compile(r"'elapsed_time_seconds': ([\d.]+)")
_RESPONSES = re.compile(r"'response_received_count': (\d+)")
_ITEMS = re.compile(r"'item_scraped_count': (\d+)")


def pages_per_s(log: str, what: str) -> tuple[float, int]:
    elapsed, responses = _ELAPSED.search(log), _RESPONSES.search(log)
    if not (elapsed and responses):
        sys.exit(f"error: no final stats in the log of {what}:\n{log[-2000:]}")
    items = _ITEMS.search(log)
    return int(responses[1]) / float(elapsed[1]), int(items[1]) if items else 0


def free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return probe.getsockname()[1]


def wait_until_listening(port: int, deadline_s: float = 20.0) -> None:
    deadline = time.monotonic() + deadline_s
    while time.monotonic() < deadline:
        try:
            socket.create_connection(("127.0.0.1", port), timeout=0.5).close()
            return
        except OSError:
            time.sleep(0.1)
    sys.exit(f"error: the loopback site did not listen on port {port} within {deadline_s:g} s")


def build_site(folder: Path, copies: int) -> list[str]:
    sources = sorted(PAGES.glob("*/*.html"))
    if not sources:
        sys.exit(f"error: no corpus pages under {PAGES}")
    names = []
    for copy in range(copies):
        for source in sources:
            name = f"{source.parent.name}-{source.stem}-{copy}.html"
            shutil.copyfile(source, folder / name)
            names.append(name)
    return names


def crawl(site: Path, names: list[str], home: Path) -> tuple[float, int]:
    port = free_port()
    server = subprocess.Popen([sys.executable, "-m", "http.server", str(port), "--bind", "127.0.0.1",
                               "--directory", str(site)], stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    try:
        wait_until_listening(port)
        urls = home / "urls.txt"
        urls.write_text("".join(f"http://127.0.0.1:{port}/{name}\n" for name in names))
        command = [sys.executable, "-m", "scrapy", "crawl", "schemaorg", "-a", f"urls_file={urls}",
                   "-O", str(home / "items.jsonl"), "-s", "AUTOTHROTTLE_ENABLED=False",
                   "-s", "CONCURRENT_REQUESTS=16", "-s", "CONCURRENT_REQUESTS_PER_DOMAIN=16",
                   "-s", "WARC_ENABLED=False", "-s", "LOG_LEVEL=INFO"]  # fmt: skip
        env = {**os.environ, "MLPATH_HOME": str(home)}
        done = subprocess.run(command, cwd=REPO, env=env, capture_output=True, text=True, timeout=900)
        if done.returncode != 0:
            sys.exit(f"error: the crawl failed:\n{done.stderr[-2000:]}")
        return pages_per_s(done.stderr, "the schemaorg crawl")
    finally:
        server.terminate()
        server.wait(timeout=10)


def scrapy_bench(folder: Path) -> float:
    """`scrapy bench` outside the project (its default settings), 10 s of crawling."""
    done = subprocess.run([sys.executable, "-m", "scrapy", "bench"], cwd=folder, capture_output=True, text=True,
                          timeout=300)
    if done.returncode != 0:
        sys.exit(f"error: scrapy bench failed:\n{done.stderr[-2000:]}")
    return pages_per_s(done.stderr, "scrapy bench")[0]


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--copies", type=int, default=10, help="copies of each corpus page on the site")
    arguments = parser.parse_args()
    with tempfile.TemporaryDirectory(prefix="mlpath-bench-crawl-") as folder:
        site, home, bench = Path(folder, "site"), Path(folder, "home"), Path(folder, "bench")
        for path in (site, home, bench):
            path.mkdir()
        names = build_site(site, arguments.copies)
        ours, items = crawl(site, names, home)
        theirs = scrapy_bench(bench)
    print(f"crawl: {ours:.1f} pages/s ({len(names)} pages, {items} items), scrapy bench: {theirs:.1f} pages/s "
          f"({ours / theirs:.3f})", file=sys.stderr)
    print(json.dumps({"benchmark": "crawl", "pages": len(names), "items": items,
                      "crawl_pages_per_s": round(ours, 2), "scrapy_bench_pages_per_s": round(theirs, 2),
                      "ratio": round(ours / theirs, 4)}))


if __name__ == "__main__":
    main()
