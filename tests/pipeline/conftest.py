"""A migrated SQLite catalogue for each storage test."""

import pytest

from pipeline.store.db import make_engine
from pipeline.store.migrate import upgrade_to_head


@pytest.fixture
def engine(tmp_path):
    url = f"sqlite:///{tmp_path / 'catalogue.db'}"
    upgrade_to_head(url)
    engine = make_engine(url)
    yield engine
    engine.dispose()
