"""`mlpath search TEXT`: full-text search of the catalogue, with recommend's filters and facet counts."""

from typing import Annotated

import typer

from cli.errors import bad_input, positive_int, readable, shown
from cli.output import CommandOutput, output_options

RESULT_COLUMNS = (
    "program_id", "title", "provider", "kind", "credential", "cost_usd", "cost_model", "duration_weeks",
    "delivery", "pacing", "level", "country", "language", "rating", "url", "url_kind", "score",
)  # fmt: skip
KINDS = ("certification", "degree")


def _filter(metavar: str, help_text: str):
    return typer.Option(metavar=metavar, help=help_text, rich_help_panel="Filters")


@output_options
def search(
    text: Annotated[
        list[str], typer.Argument(metavar="TEXT", help="Words to find in title, provider, skills, description.")
    ],
    kind: Annotated[str | None, _filter("KIND", "certification or degree.")] = None,
    credential: Annotated[str | None, _filter("CREDENTIAL", "course, specialization, ..., master, doctorate.")] = None,
    budget: Annotated[str | None, _filter("USD", "At most this known total cost in US dollars.")] = None,
    delivery: Annotated[str | None, _filter("MODE", "online, on-campus, hybrid or any.")] = None,
    level: Annotated[str | None, _filter("LEVEL", "beginner, intermediate or advanced.")] = None,
    country: Annotated[str | None, _filter("CC", "ISO alpha-2 country of the program.")] = None,
    language: Annotated[str | None, _filter("LL", "ISO 639-1 teaching language.")] = None,
    limit: Annotated[str, typer.Option("--limit", "-k", metavar="N", help="How many programs to show.")] = "20",
) -> CommandOutput:
    """Full-text search over title, provider, skills and description, best match first, with facet counts."""
    query = readable(" ".join(text))
    filters = _filters(kind, credential, budget, delivery, level, country, language)
    top = positive_int("--limit", limit)

    from cli.catalogue import failed, open_catalogue
    from pipeline.store.search import SearchIndexMissing, search_programs

    engine = open_catalogue()
    try:
        found = search_programs(engine, query, filters, top)
    except SearchIndexMissing as error:
        raise failed(str(error)) from None
    finally:
        engine.dispose()
    results = [_result(row) for row in found.programs]
    document = {"query": query, "filters": filters.as_dict(), "total": found.total, "results": results,
                "facets": found.facets}  # fmt: skip
    return CommandOutput(json=document, csv_columns=RESULT_COLUMNS, csv_rows=results, table=lambda: _tables(document))


def _filters(kind, credential, budget, delivery, level, country, language):
    from models.profile import ProfileError, build_profile
    from pipeline.normalize.credential import CERTIFICATION_CREDENTIALS, DEGREE_CREDENTIALS
    from pipeline.store.search import SearchFilters

    credentials = sorted(CERTIFICATION_CREDENTIALS | DEGREE_CREDENTIALS | {"graduate_certificate"})
    chosen_kind = _choice("--kind", kind, KINDS)
    chosen_credential = _choice("--credential", credential, credentials)
    try:  # the profile's checks, so that the messages are recommend's
        checked = build_profile(dict(budget=budget, delivery=delivery, level=level, country=country, language=language))
    except ProfileError as error:
        raise bad_input(str(error)) from None
    return SearchFilters(
        kind=chosen_kind, credential=chosen_credential, budget=checked.budget, delivery=checked.delivery_wanted,
        level=checked.level, country=checked.country, language=checked.language,
    )  # fmt: skip


def _choice(option: str, value: str | None, choices) -> str | None:
    if value is None:
        return None
    normalised = value.strip().lower().replace("-", "_")
    if normalised not in choices:
        raise bad_input(f"{option} must be one of {'|'.join(choices)}, got {shown(value)}")
    return normalised


def _result(row: dict) -> dict:
    result = {"program_id": row["id"], **{key: row.get(key) for key in RESULT_COLUMNS if key != "program_id"}}
    result["url_kind"] = row.get("url_kind") or "page"  # TODO(lead): the view has url_kind once scorecard lands
    result["score"] = round(float(row["score"]), 4)
    return result


def _tables(document: dict):
    from rich.table import Table
    from rich.text import Text

    from cli.formatting import cost_text, number_text

    total, results = document["total"], document["results"]
    yield Text(f"{total} program{'s' if total != 1 else ''} match; the best {len(results)}:" if results
               else "No program matches.", style="bold")  # fmt: skip
    if not results:
        return
    table = Table(expand=True)
    table.add_column("ID", justify="right", no_wrap=True)
    table.add_column("Program", ratio=1, min_width=20, overflow="fold")
    table.add_column("Credential", min_width=10)
    table.add_column("Cost", justify="right", no_wrap=True)
    table.add_column("Weeks", justify="right", no_wrap=True)
    table.add_column("Where", min_width=9)
    for row in results:
        program = Text(row["title"], style="bold")
        if row["provider"]:
            program.append(f"\n{row['provider']}", style="dim")
        where = " ".join(value.replace("_", " ") for value in (row["delivery"], row["country"]) if value)
        credential = row["credential"].replace("_", " ")
        weeks = number_text(row["duration_weeks"])
        table.add_row(str(row["program_id"]), program, credential, cost_text(row["cost_usd"]), weeks, where or "-")
    yield table
    yield _facets_text(document["facets"])


def _facets_text(facets: dict[str, dict[str, int]]):
    from rich.text import Text

    lines = Text()
    for facet, counts in facets.items():
        lines.append(f"{facet}: ", style="bold")
        lines.append(", ".join(f"{value.replace('_', ' ')} {count}" for value, count in counts.items()) + "\n")
    return lines
