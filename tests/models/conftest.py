import pytest

from tests.models.sample_catalogue import REAL_SHAPED, build_database, twin_courses


@pytest.fixture
def engine(tmp_path):
    """A database holding the real-shaped catalogue plus two courses differing only in subject."""
    engine = build_database(tmp_path / "catalogue.db", REAL_SHAPED + twin_courses())
    yield engine
    engine.dispose()
