"""Crawl one source in its own process (Twisted's reactor cannot restart inside one process)."""

import json
import os
import subprocess
import sys
from dataclasses import dataclass
from pathlib import Path

from prefect import task
from prefect.cache_policies import NO_CACHE
from prefect.tasks import exponential_backoff

from flows.settings import RunSettings

SETTINGS_MODULE = "crawlers.settings"


@dataclass(frozen=True)
class CrawlOutput:
    source: str
    feed: Path  # JSON lines, one raw item each
    report: dict  # the crawl report: pages, items, dropped pages by reason, errors


class CrawlFailed(RuntimeError):
    pass


@task(task_run_name="crawl-{source}", cache_policy=NO_CACHE)
def crawl_source(source: str, staging: Path, replay: Path | None = None, timeout_seconds: int = 30 * 60) -> CrawlOutput:
    feed, report, log = (staging / f"{source}.{suffix}" for suffix in ("jsonl", "report.json", "log"))
    command = [
        sys.executable, "-m", "scrapy", "crawl", source,
        "-O", f"{feed}:jsonlines",
        "-s", f"CRAWL_REPORT_PATH={report}",
        "-s", f"LOG_FILE={log}",
    ]
    if replay is not None:
        command += ["-s", f"REPLAY_PATH={replay}"]
    environment = {**os.environ, "SCRAPY_SETTINGS_MODULE": SETTINGS_MODULE}
    try:
        subprocess.run(command, check=True, timeout=timeout_seconds, env=environment,
                       stdin=subprocess.DEVNULL, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE, text=True)
    except subprocess.CalledProcessError as error:
        raise CrawlFailed(f"{source}: spider exited {error.returncode}: {_last_line(error.stderr, log)}") from None
    except subprocess.TimeoutExpired:
        raise CrawlFailed(f"{source}: spider still running after {timeout_seconds} s") from None
    if not report.exists():
        raise CrawlFailed(f"{source}: spider wrote no crawl report ({report})")
    return CrawlOutput(source=source, feed=feed, report=json.loads(report.read_text()))


def crawl_with_retries(settings: RunSettings):
    """The crawl task with the configured retries, each delay twice the one before (a flaky site
    gets time to recover)."""
    return crawl_source.with_options(
        retries=settings.crawl_retries,
        retry_delay_seconds=exponential_backoff(settings.crawl_retry_backoff_seconds)(settings.crawl_retries),
        retry_jitter_factor=0.2 if settings.crawl_retries else None,
    )


def _last_line(stderr: str, log: Path) -> str:
    text = stderr.strip() or (log.read_text(errors="replace").strip() if log.exists() else "")
    return text.splitlines()[-1] if text else "no output"
