"""The `mlpath` command: parses, calls flows or models, prints. Data on stdout, logs on stderr.

Each command's module is imported only when that command runs (or shows its own --help): `mlpath
--help` lists them from COMMANDS below without importing Scrapy, Prefect or scikit-learn.
"""

import sys
from dataclasses import dataclass
from importlib import import_module

import click
import typer
from typer.core import TyperGroup

from cli.errors import BAD_INPUT, readable


@dataclass(frozen=True)
class LazyCommand:
    target: str  # "module:attribute": a Typer command function, or a Typer app for a group
    summary: str  # the line `mlpath --help` shows
    examples: tuple[str, ...]  # shown by the command's --help (and each subcommand's, for a group)


COMMANDS = {
    "run": LazyCommand(
        "cli.run:run", "Crawl every enabled source, clean and store, retrain the ranker, print a summary.",
        ("mlpath run", "mlpath run --replay archive/catalog.warc.gz --source coursera"),
    ),
    "recommend": LazyCommand(
        "cli.recommend:recommend", "Certification or degree, and which programs, ranked for your profile.",
        ("mlpath recommend --goal career-switch --budget 1000 --months 6 --hours-per-week 8",
         "mlpath recommend --profile me.toml --output json"),
    ),
    "feedback": LazyCommand(
        "cli.feedback:feedback", "Tell the ranker what you think of a program: like, dismiss or enrolled.",
        ("mlpath feedback 42 --like", "mlpath feedback 7 --dismiss --user alice"),
    ),
    "train": LazyCommand(
        "cli.train:train", "Retrain the ranker on the judgements and feedback; record the model in use.",
        ("mlpath train",),
    ),
    "eval": LazyCommand(
        "cli.evaluate:evaluate", "NDCG@10 and violations of the model and baselines on held-out personas.",
        ("mlpath eval", "mlpath eval --output json"),
    ),
    "search": LazyCommand(
        "cli.search:search", "Full-text search of the catalogue, with filters and facet counts.",
        ('mlpath search "deep learning"', 'mlpath search "data science" --kind degree --country DE --output json'),
    ),
    "show": LazyCommand(
        "cli.show:show", "One program in full: cost, time at your pace, outcomes, sources, and why it ranks.",
        ("mlpath show 42", "mlpath show 42 --budget 2000 --months 12 --hours-per-week 10 --residence DE"),
    ),
    "compare": LazyCommand(
        "cli.show:compare", "Programs side by side: cost, time at your pace, credential, outcomes, sources.",
        ("mlpath compare 42 7 19", "mlpath compare 42 7 --hours-per-week 5 --residence US --output csv"),
    ),
    "report": LazyCommand(
        "cli.report:report", "An HTML report with charts that opens offline; with a profile, its verdict.",
        ("mlpath report report.html", "mlpath report report.html --goal research --budget 40000"),
    ),
    "sources": LazyCommand(
        "cli.sources:sources", "Each source's last run, items, field coverage and health; exit 1 when one is flagged.",
        ("mlpath sources", "mlpath sources --output json"),
    ),
    "schedule": LazyCommand(
        "cli.schedule:schedule", "Scheduled crawls: list the deployments, or serve them on a Prefect server.",
        ("mlpath schedule list --output json", "PREFECT_API_URL=http://127.0.0.1:4200/api mlpath schedule serve"),
    ),
    "db": LazyCommand(
        "cli.db:db", "Migrate and inspect the catalogue database.",
        ("mlpath db upgrade", "mlpath db stats --output json", "mlpath db export --format parquet catalogue.parquet"),
    ),
}  # fmt: skip


class LazyCommands(TyperGroup):
    """Lists COMMANDS from their summaries; imports a command's module only when it is resolved."""

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self._loaded: dict[str, click.Command] = {}

    def list_commands(self, ctx: click.Context) -> list[str]:
        return [*super().list_commands(ctx), *COMMANDS]

    def get_command(self, ctx: click.Context, name: str) -> click.Command | None:
        if name not in COMMANDS:
            return super().get_command(ctx, name)
        return self._loaded.get(name) or click.Command(name, short_help=COMMANDS[name].summary)

    def resolve_command(self, ctx: click.Context, args: list[str]):
        name, command, rest = super().resolve_command(ctx, args)
        if name in COMMANDS:
            command = self.load(name)
        return name, command, rest

    def load(self, name: str) -> click.Command:
        if name not in self._loaded:
            self._loaded[name] = _click_command(name, COMMANDS[name])
        return self._loaded[name]


def _click_command(name: str, lazy: LazyCommand) -> click.Command:
    module, attribute = lazy.target.split(":")
    found = getattr(import_module(module), attribute)
    if not isinstance(found, typer.Typer):
        single = typer.Typer(add_completion=False)
        single.command(name=name)(found)
        found = single
    command = typer.main.get_command(found)
    command.name = name
    _add_examples(command, lazy.examples)
    return command


def _add_examples(command: click.Command, examples: tuple[str, ...]) -> None:
    command.epilog = "Examples:\n\n" + "\n\n".join(examples)
    for subcommand in getattr(command, "commands", {}).values():
        _add_examples(subcommand, tuple(example for example in examples if f" {subcommand.name}" in example)
                      or examples)  # fmt: skip


app = typer.Typer(
    name="mlpath",
    cls=LazyCommands,
    no_args_is_help=True,
    pretty_exceptions_enable=False,
    epilog='Example: mlpath recommend --goal industry --budget 500; mlpath search "deep learning"',
)


@app.callback()
def mlpath() -> None:
    """Certification or degree for a career in machine learning: which path, which program, and why."""


def main() -> None:
    """The console script: usage errors become one line naming the problem, exit code 2."""
    sys.argv = [readable(argument) for argument in sys.argv]  # bytes that are not UTF-8 become U+FFFD
    try:
        exit_code = app(standalone_mode=False)
    except typer.TyperException as error:  # Click's usage errors, e.g. an unknown option or choice
        if message := error.format_message():  # empty when the help was shown instead
            typer.echo(f"error: {' '.join(message.split())}", err=True)
        sys.exit(BAD_INPUT)
    except typer.Abort:
        typer.echo("aborted", err=True)
        sys.exit(130)
    sys.exit(exit_code if isinstance(exit_code, int) else 0)
