"""The data dictionary is generated from the models and the views: the committed file must match."""

from pathlib import Path

from sqlalchemy import text

from pipeline.store.db import make_engine
from pipeline.store.dictionary import VIEW_COLUMNS, render
from pipeline.store.migrate import upgrade_to_head
from pipeline.store.schema import Base

COMMITTED = Path(__file__).resolve().parents[2] / "docs" / "DATA_DICTIONARY.md"


def test_the_committed_dictionary_is_what_the_models_generate():
    assert COMMITTED.read_text(encoding="utf-8") == render(), (
        "docs/DATA_DICTIONARY.md is stale: python -m pipeline.store.dictionary > docs/DATA_DICTIONARY.md")


def test_every_column_of_every_table_is_described():
    undescribed = [f"{mapper.local_table.name}.{attribute.key}" for mapper in Base.registry.mappers
                   for attribute in mapper.column_attrs if not attribute.doc]
    assert undescribed == []


def test_the_described_view_columns_are_the_views_columns(tmp_path):
    url = f"sqlite:///{tmp_path / 'catalogue.db'}"
    upgrade_to_head(url)
    engine = make_engine(url)
    with engine.connect() as connection:
        actual = {view: list(connection.execute(text(f"SELECT * FROM {view}")).keys()) for view in VIEW_COLUMNS}
    engine.dispose()
    assert actual == {view: list(columns) for view, columns in VIEW_COLUMNS.items()}
