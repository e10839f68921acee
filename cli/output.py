"""`--output table|json|csv`, the same for every command: one decorator, one way to print.

A command decorated with `@output_options` returns a `CommandOutput` instead of printing. The
decorator adds the `--output` option, checks it before the command runs (a bad value is exit 2), and
prints the result: Rich tables fitted to the terminal's width, or JSON or CSV alone on stdout.
"""

import csv
import functools
import inspect
import json
import sys
from collections.abc import Callable, Iterable, Mapping, Sequence
from dataclasses import dataclass, field
from typing import Annotated, Any

import typer

from cli.errors import bad_input, shown

OUTPUTS = ("table", "json", "csv")
CSV_LIST_SEPARATOR = " | "


@dataclass(frozen=True)
class CommandOutput:
    """What a command found, in the three shapes: a JSON document, CSV rows, and Rich renderables."""

    json: Any
    csv_columns: Sequence[str]
    csv_rows: Iterable[Mapping[str, Any]]
    table: Callable[[], Iterable[Any]] = field(default=lambda: ())  # built only when a table is asked for
    exit_code: int = 0  # after printing: e.g. 1 when `sources` flags a source, so a scheduler can alert


OUTPUT_OPTION = Annotated[
    str, typer.Option("--output", "-o", metavar="table|json|csv", help="table (Rich), json or csv on stdout.")
]


def output_options(command: Callable[..., CommandOutput]) -> Callable[..., None]:
    """Add `--output` to a Typer command that returns a CommandOutput, and print what it returns."""
    signature = inspect.signature(command)
    output_parameter = inspect.Parameter("output", inspect.Parameter.KEYWORD_ONLY, default="table",
                                         annotation=OUTPUT_OPTION)  # fmt: skip

    @functools.wraps(command)
    def with_output(*args, output: str = "table", **kwargs) -> None:
        chosen = output_format(output)
        result = command(*args, **kwargs)
        emit(result, chosen)
        if result.exit_code:
            raise typer.Exit(result.exit_code)

    with_output.__signature__ = signature.replace(parameters=[*signature.parameters.values(), output_parameter])
    with_output.__annotations__ = {**command.__annotations__, "output": OUTPUT_OPTION}
    return with_output


def output_format(value: str) -> str:
    normalised = value.strip().lower()
    if normalised not in OUTPUTS:
        raise bad_input(f"--output must be one of {'|'.join(OUTPUTS)}, got {shown(value)}")
    return normalised


def emit(result: CommandOutput, chosen: str) -> None:
    if chosen == "json":
        typer.echo(json.dumps(result.json, ensure_ascii=False, indent=2, default=str))
    elif chosen == "csv":
        write_csv(result.csv_columns, result.csv_rows)
    else:
        console = stdout_console()
        for renderable in result.table():
            console.print(renderable)


def write_csv(columns: Sequence[str], rows: Iterable[Mapping[str, Any]]) -> None:
    writer = csv.writer(sys.stdout, lineterminator="\n")
    writer.writerow(columns)
    for row in rows:
        writer.writerow([csv_value(row.get(column)) for column in columns])


def csv_value(value: Any) -> Any:
    if isinstance(value, list | tuple):
        return CSV_LIST_SEPARATOR.join(str(item) for item in value)
    return "" if value is None else value


def stdout_console():
    """Rich on stdout, as wide as the terminal (COLUMNS, else 80 when not a terminal)."""
    from rich.console import Console

    return Console(highlight=False)
