"""The whole catalogue as a file for analysts: one row per program, the columns of program_catalog.

Rows are streamed from the view in batches and written as they come, so the export's memory does not
grow with the catalogue. The file is written beside its target and moved into place when complete:
a failed export leaves no half-written file.
"""

import csv
import os
from collections.abc import Iterator
from pathlib import Path

import pyarrow as pa
import pyarrow.parquet as pq
from sqlalchemy import Engine, text

FORMATS = ("csv", "parquet")
BATCH_ROWS = 5_000


def export_catalogue(engine: Engine, path: Path, file_format: str) -> int:
    """Write every program of the catalogue to path; return how many rows were written."""
    if file_format not in FORMATS:
        raise ValueError(f"unknown export format {file_format!r}: choose {' or '.join(FORMATS)}")
    partial = path.with_name(f".{path.name}.partial")
    try:
        with engine.connect() as connection:
            result = connection.execution_options(stream_results=True).execute(
                text("SELECT * FROM program_catalog ORDER BY id")
            )
            columns = list(result.keys())
            batches = iter(lambda: result.fetchmany(BATCH_ROWS), [])
            written = (_write_csv if file_format == "csv" else _write_parquet)(partial, columns, batches)
        os.replace(partial, path)
    finally:
        partial.unlink(missing_ok=True)
    return written


def _write_csv(path: Path, columns: list[str], batches: Iterator[list]) -> int:
    written = 0
    with path.open("w", newline="", encoding="utf-8") as file:
        writer = csv.writer(file)
        writer.writerow(columns)
        for batch in batches:
            writer.writerows(batch)
            written += len(batch)
    return written


def _write_parquet(path: Path, columns: list[str], batches: Iterator[list]) -> int:
    written = 0
    writer = None
    try:
        for batch in batches:
            table = pa.Table.from_pylist([dict(zip(columns, row, strict=True)) for row in batch])
            if writer is None:
                writer = pq.ParquetWriter(path, _schema(table.schema))
            writer.write_table(table.cast(writer.schema))
            written += len(batch)
        if writer is None:  # an empty catalogue is still a file with the columns
            writer = pq.ParquetWriter(path, pa.schema([(column, pa.string()) for column in columns]))
    finally:
        if writer is not None:
            writer.close()
    return written


def _schema(schema: pa.Schema) -> pa.Schema:
    """The first batch's types, with columns that were all empty there read as text."""
    return pa.schema([field.with_type(pa.string()) if pa.types.is_null(field.type) else field for field in schema])
