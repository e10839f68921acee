"""Raw items as the spiders yielded them: the newest staging feed of each source under MLPATH_HOME."""

import json
import sys
from collections.abc import Iterator
from pathlib import Path

from pipeline.settings import Settings


def staging_dir(home: Path | None) -> Path:
    return (Settings(home=home) if home is not None else Settings()).staging_dir


def newest_feeds(staging: Path) -> dict[str, Path]:
    """Each source's feed from the newest run folder that has one (a run may crawl only some sources)."""
    if not staging.is_dir():
        raise FileNotFoundError(f"no staging folder at {staging}: run `mlpath run` first")
    feeds: dict[str, Path] = {}
    runs = sorted((path for path in staging.iterdir() if path.is_dir()), key=lambda path: path.stat().st_mtime)
    for run in runs:  # oldest first, so a newer run's feed replaces an older one
        for feed in run.glob("*.jsonl"):
            feeds[feed.stem] = feed
    return dict(sorted(feeds.items()))


def read_items(feed: Path) -> Iterator[dict]:
    """The feed's items, first occurrence of each source_id only; unreadable lines are counted, then warned."""
    seen: set[str] = set()
    bad = 0
    with feed.open(encoding="utf-8") as lines:
        for line in lines:
            try:
                item = json.loads(line)
            except json.JSONDecodeError:
                bad += 1
                continue
            key = str(item.get("source_id"))
            if key in seen:
                continue
            seen.add(key)
            yield item
    if bad:
        print(f"warning: {feed}: {bad} lines are not JSON, skipped", file=sys.stderr)


def raw_items(staging: Path) -> dict[str, list[dict]]:
    """Source name -> its raw items, from the newest feeds."""
    return {source: list(read_items(feed)) for source, feed in newest_feeds(staging).items()}
