"""db export: every program, the columns of program_catalog, as CSV or Parquet; never half a file."""

import csv

import pyarrow.parquet as pq
import pytest

from pipeline.store.export import export_catalogue
from tests.pipeline.test_store import CATALOG_COLUMNS, EDX_COURSE, store


def test_csv_has_every_program_with_the_catalog_columns(engine, tmp_path):
    store(engine, "run-1", "edx-catalog", [EDX_COURSE])
    path = tmp_path / "catalogue.csv"
    assert export_catalogue(engine, path, "csv") == 1
    with path.open(encoding="utf-8") as file:
        rows = list(csv.DictReader(file))
    assert list(rows[0]) == CATALOG_COLUMNS
    assert (rows[0]["title"], rows[0]["cost_usd"]) == (EDX_COURSE.title, "300.0")


def test_parquet_has_every_program_with_the_catalog_columns(engine, tmp_path):
    store(engine, "run-1", "edx-catalog", [EDX_COURSE])
    path = tmp_path / "catalogue.parquet"
    assert export_catalogue(engine, path, "parquet") == 1
    table = pq.read_table(path)
    assert table.column_names == CATALOG_COLUMNS
    assert table.column("title").to_pylist() == [EDX_COURSE.title]


def test_an_unknown_format_writes_nothing(engine, tmp_path):
    with pytest.raises(ValueError, match="unknown export format 'xml'"):
        export_catalogue(engine, tmp_path / "x.xml", "xml")
    assert [path.name for path in tmp_path.iterdir() if "x.xml" in path.name] == []
