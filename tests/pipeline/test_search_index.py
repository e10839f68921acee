"""Migration 0002_cli (last of the chain): the FTS5 index indexes the programs already stored, goes away cleanly."""

import pytest
from alembic.config import Config
from sqlalchemy import inspect, text

from alembic import command
from pipeline.store.migrate import ALEMBIC_INI
from pipeline.store.search import SearchIndexMissing, search_programs
from tests.models.sample_catalogue import REAL_SHAPED, build_database


def alembic_config(url: str) -> Config:
    config = Config(str(ALEMBIC_INI))
    config.set_main_option("sqlalchemy.url", url)
    config.attributes["configure_logger"] = False
    return config


def test_upgrade_indexes_stored_programs_and_downgrade_removes_the_index(tmp_path):
    database = tmp_path / "catalogue.db"
    config = alembic_config(f"sqlite:///{database}")
    command.upgrade(config, "0002_cli-1")  # every migration before the index
    engine = build_database(database, REAL_SHAPED)  # stored before the index exists

    command.upgrade(config, "0002_cli")
    found = search_programs(engine, "neural networks")
    assert [row["title"] for row in found.programs] == ["Deep Learning Specialization"]

    command.downgrade(config, "0002_cli-1")
    with engine.connect() as connection:
        triggers = connection.execute(text("SELECT name FROM sqlite_master WHERE type = 'trigger'")).all()
    assert triggers == []
    assert not any(name.startswith("programs_fts") for name in inspect(engine).get_table_names())
    with pytest.raises(SearchIndexMissing, match="run `mlpath db upgrade`"):
        search_programs(engine, "neural networks")
    engine.dispose()
