"""`mlpath recommend`: which path (certification, degree or both), which programs, and why.

Options are taken as plain text and validated here, so that any bad value ends as one line on
stderr naming it, and exit code 2 (Click's own conversion errors would print a multi-line box).

The ranker (scikit-learn) is imported inside the command: importing it costs seconds, and
every other `mlpath` command loads this module when the app starts.
"""

from pathlib import Path
from typing import Annotated

import typer

from cli.errors import RUN_FAILED, bad_input, positive_int
from cli.output import CommandOutput, output_options
from models.catalog import EmptyCatalogError
from models.profile import ProfileError, build_profile
from pipeline.settings import Settings
from pipeline.store.db import make_engine


@output_options
def recommend(
    goal: Annotated[
        str | None, typer.Option(metavar="GOAL", help="industry, career-switch, upskill, research or academia.")
    ] = None,
    budget: Annotated[str | None, typer.Option(metavar="USD", help="Total budget in US dollars.")] = None,
    hours_per_week: Annotated[str | None, typer.Option(metavar="H", help="Hours you can study each week.")] = None,
    months: Annotated[str | None, typer.Option(metavar="M", help="Months you give yourself to finish.")] = None,
    delivery: Annotated[str | None, typer.Option(metavar="MODE", help="online, on-campus, hybrid or any.")] = None,
    self_paced: Annotated[bool | None, typer.Option("--self-paced/--no-self-paced", help="Only self-paced.")] = None,
    level: Annotated[str | None, typer.Option(metavar="LEVEL", help="beginner, intermediate or advanced.")] = None,
    has_degree: Annotated[
        bool | None, typer.Option("--has-degree/--no-degree", help="Whether you hold a degree already.")
    ] = None,
    interests: Annotated[str | None, typer.Option(metavar="TEXT", help="What you want to learn.")] = None,
    country: Annotated[str | None, typer.Option(metavar="CC", help="ISO alpha-2 country, for campus study.")] = None,
    language: Annotated[str | None, typer.Option(metavar="LL", help="ISO 639-1 teaching language.")] = None,
    residence: Annotated[
        str | None, typer.Option(metavar="CC", help="Where you live (DE, or US-CA): EU tuition, US in-state.")
    ] = None,
    user: Annotated[str | None, typer.Option(metavar="NAME", help="Whose feedback to apply.")] = None,
    k: Annotated[str, typer.Option("-k", metavar="N", help="How many programs to show.")] = "10",
    profile: Annotated[str | None, typer.Option(metavar="FILE", help="TOML profile; flags override it.")] = None,
) -> CommandOutput:
    """Certification or degree, and which programs, ranked for your profile with the reasons."""
    top = positive_int("-k", k)
    flags = dict(
        goal=goal, budget=budget, hours_per_week=hours_per_week, months=months, delivery=delivery,
        self_paced=self_paced, level=level, has_degree=has_degree, interests=interests, country=country,
        language=language, residence=residence,
    )  # fmt: skip
    try:
        person = build_profile(flags, Path(profile) if profile is not None else None)
    except ProfileError as error:
        raise bad_input(str(error)) from None
    from models.feedback import dismissed_programs, remember_profile, user_name
    from models.persistence import CorruptModelError, UntrustedModelError
    from models.recommend import RESULT_KEYS
    from models.recommend import recommend as recommend_programs

    settings = Settings()
    engine = make_engine(settings.database)
    try:
        name = user_name(user)
        dismissed = dismissed_programs(engine, name)
        result = recommend_programs(engine, person, top, models_dir=settings.models_dir, dismissed_ids=dismissed)
        remember_profile(settings.home, name, result["profile"])
    except EmptyCatalogError as error:
        raise _failed(str(error)) from None
    except (UntrustedModelError, CorruptModelError) as error:
        raise _failed(f"error: {error}") from None
    finally:
        engine.dispose()
    return CommandOutput(json=result, csv_columns=RESULT_KEYS, csv_rows=result["results"],
                         table=lambda: _table(result))  # fmt: skip


def _failed(message: str) -> typer.Exit:
    typer.echo(" ".join(message.split()), err=True)
    return typer.Exit(RUN_FAILED)


def _table(result: dict):
    """The verdict, the results table, then each result's reasons (Rich renderables)."""
    from rich.markup import escape
    from rich.text import Text

    from models.relaxation import RELAXATION_DESCRIPTIONS

    verdict = result["verdict"]
    yield Text(f"Verdict: {verdict['path']}", style="bold")
    for reason in verdict["reasons"]:
        yield Text(f"  - {reason}")
    if result["relaxed"]:
        relaxed = "; ".join(RELAXATION_DESCRIPTIONS.get(step, step) for step in result["relaxed"])
        yield Text(f"Too few programs met every constraint, so: {relaxed}.", style="yellow")
    yield Text(f"{result['candidates']} programs meet your constraints.")
    yield _results_table(result["results"])
    for row in result["results"]:
        yield f"[bold]{row['rank']}. {escape(row['title'])}[/bold]  [dim]{escape(row['url'])}[/dim]"
        for reason in row["reasons"]:
            yield Text(f"  - {reason}")


def _results_table(results: list[dict]):
    from rich.markup import escape
    from rich.table import Table

    table = Table()
    table.add_column("#", justify="right")
    table.add_column("Program", ratio=1)
    table.add_column("Credential")
    table.add_column("Cost", justify="right")
    table.add_column("Weeks", justify="right", header_style="bold")
    table.add_column("Score", justify="right")
    for row in results:
        table.add_row(
            str(row["rank"]),
            f"{escape(row['title'])}\n[dim]{escape(row['provider'] or '')}[/dim]",
            row["credential"].replace("_", " "),
            "unknown" if row["cost_usd"] is None else f"${row['cost_usd']:,.0f}",
            "unknown" if row["weeks_at_your_pace"] is None else f"{row['weeks_at_your_pace']:g}",
            f"{row['score']:.3f}",
        )
    return table
