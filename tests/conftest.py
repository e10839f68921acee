"""Shared fixtures: the real-world corpus beside the checkout (never copied into the repository)."""

from pathlib import Path

import pytest

from tests.services import create_database, postgres_server

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


@pytest.fixture(scope="session")
def postgres_server_url():
    with postgres_server() as url:
        yield url


@pytest.fixture
def postgres_url(postgres_server_url, request):
    """A fresh, empty PostgreSQL database on the session's server: its SQLAlchemy URL."""
    name = "test_" + "".join(char if char.isalnum() else "_" for char in request.node.name.lower())[:50]
    return create_database(postgres_server_url, name)
