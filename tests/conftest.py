"""Shared fixtures: the real-world corpus beside the checkout (never copied into the repository)."""

from pathlib import Path

import pytest

REPO = Path(__file__).resolve().parents[1]
CORPUS = (REPO / ".." / "shared" / "corpus").resolve()


def corpus_path(relative: str) -> Path:
    """A file of ../shared/corpus; a missing one fails the test with its path, never skips it."""
    path = CORPUS / relative
    if not path.exists():
        pytest.fail(f"corpus file missing: {path} (the corpus must sit beside the checkout)")
    return path


@pytest.fixture
def corpus():
    return corpus_path
