"""A relevance sample: raw items drawn at random, stratified by source, more from the large and mixed ones."""

import math
import random

from pipeline.dedupe import fold

MIN_PER_SOURCE = 15
EXCERPT_CHARS = 240
COLUMNS = ("source", "source_id", "title", "provider", "credential", "excerpt", "relevant", "reason", "reader")


def allocate(sizes: dict[str, int], total: int, minimum: int = MIN_PER_SOURCE) -> dict[str, int]:
    """Items per source: `minimum` each (or all it has), the rest in proportion to the square root of its size.

    The square root gives the large catalogues (Udemy's 16,000 mixed courses) more rows than the small
    curated lists without letting them take the whole sample.
    """
    counts = {source: min(size, minimum) for source, size in sizes.items()}
    left = total - sum(counts.values())
    weights = {source: math.sqrt(size - counts[source]) for source, size in sizes.items()}
    while left > 0 and any(weights.values()):
        weight_sum = sum(weights.values())
        shares = {source: int(left * weight / weight_sum) or 1 for source, weight in weights.items() if weight}
        for source, share in sorted(shares.items()):
            room = sizes[source] - counts[source]
            taken = min(share, room, left)
            counts[source] += taken
            left -= taken
            if counts[source] == sizes[source]:
                weights[source] = 0
    return counts


def draw(items_by_source: dict[str, list[dict]], total: int, seed: int) -> list[dict]:
    """Rows of the sample; each source drawn by its own generator, so adding a source keeps the others' draw."""
    counts = allocate({source: len(items) for source, items in items_by_source.items()}, total)
    rows = []
    for source, items in sorted(items_by_source.items()):
        ordered = sorted(items, key=lambda item: str(item.get("source_id")))
        for item in random.Random(f"{seed}:{source}").sample(ordered, counts[source]):
            rows.append(_row(item))
    return rows


def _row(item: dict) -> dict:
    return {
        "source": item.get("source"),
        "source_id": str(item.get("source_id")),
        "title": as_text(item.get("title")),
        "provider": as_text(item.get("institution") or item.get("provider")),
        "credential": as_text(item.get("credential")),
        "excerpt": excerpt(item),
        "relevant": "",
        "reason": "",
        "reader": "",
    }


def excerpt(item: dict) -> str:
    """Subject, skills and the start of the description: what a reader needs beside the title."""
    parts = [as_text(item.get(key)) for key in ("subject", "skills", "description")]
    extra = item.get("extra") or {}
    parts.append(as_text(extra.get("department") or extra.get("description_snippet")))
    return " | ".join(part for part in parts if part)[:EXCERPT_CHARS]


def as_text(value) -> str:
    if value is None:
        return ""
    if isinstance(value, list | tuple):
        return ", ".join(as_text(part) for part in value)
    return " ".join(str(value).split())


def folded_title(item: dict) -> str:
    return fold(as_text(item.get("title")))
