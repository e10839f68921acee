"""A migrated catalogue for each storage test: on SQLite and on a real PostgreSQL server (loopback)."""

import pytest

from pipeline.store.db import make_engine
from pipeline.store.migrate import upgrade_to_head


@pytest.fixture(params=["sqlite", "postgresql"])
def database_url(request, tmp_path):
    if request.param == "sqlite":
        return f"sqlite:///{tmp_path / 'catalogue.db'}"
    return request.getfixturevalue("postgres_url")


@pytest.fixture
def engine(database_url):
    upgrade_to_head(database_url)
    engine = make_engine(database_url)
    yield engine
    engine.dispose()
