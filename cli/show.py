"""`mlpath show ID` and `mlpath compare ID ID...`: programs in full, for the person's pace and residence.

Cost for the person's residence, weeks at their hours per week, credential, delivery, pacing, level,
rating and its count, outcomes with the number of graduates, the sources with the date each last saw
the program, the captured date, and the link (marked when it is a search page). `show` with a profile
also says why the program ranks where it does, or which constraints keep it out.
"""

from collections.abc import Callable
from typing import Annotated, Any

import typer

from cli.errors import RUN_FAILED, bad_input, positive_int, shown
from cli.formatting import cost_text, date_text, number_text
from cli.output import CommandOutput, output_options
from cli.profile_options import Person, profile_options

FACT_COLUMNS = (
    "program_id", "title", "provider", "institution", "kind", "credential", "delivery", "pacing", "level",
    "language", "country", "cost_usd", "cost_model", "cost_amount", "cost_currency", "residence",
    "cost_for_you_usd", "cost_basis", "in_state_usd", "duration_weeks", "effort_hours_per_week", "total_hours",
    "hours_per_week", "weeks_at_your_pace", "weeks_basis", "rating", "rating_count", "earnings_usd", "debt_usd",
    "graduates",
    "captured", "sources", "url", "url_kind",
)  # fmt: skip

IDS_ARGUMENT = typer.Argument(metavar="ID", help="Program ids, as search and recommend show them.")


@output_options
@profile_options
def show(
    program_id: Annotated[str, typer.Argument(metavar="ID", help="A program id.")], person: Person
) -> CommandOutput:
    """One program in full; with a profile, why it ranks where it does or which constraint keeps it out."""
    [facts] = _facts_of([program_id], person)
    if person.given:
        facts["why"] = _why(facts["program_id"], person)
    return CommandOutput(json=facts, csv_columns=FACT_COLUMNS, csv_rows=[_csv_row(facts)],
                         table=lambda: _show_tables(facts))  # fmt: skip


@output_options
@profile_options
def compare(program_ids: Annotated[list[str], IDS_ARGUMENT], person: Person) -> CommandOutput:
    """Programs side by side: cost for you, weeks at your pace, credential, outcomes, sources, link."""
    if len(program_ids) < 2:
        raise bad_input(f"compare needs two program ids or more, got {shown(' '.join(program_ids))}")
    programs = _facts_of(program_ids, person)
    return CommandOutput(json={"programs": programs}, csv_columns=FACT_COLUMNS,
                         csv_rows=[_csv_row(facts) for facts in programs],
                         table=lambda: (_side_by_side(programs),))  # fmt: skip


def _facts_of(typed_ids: list[str], person: Person) -> list[dict[str, Any]]:
    ids = [positive_int("program id", value) for value in typed_ids]
    from cli.catalogue import open_catalogue
    from models.why import program_entries, terms_for
    from pipeline.store.program_details import program_details

    engine = open_catalogue()
    try:
        details = program_details(engine, ids)
        unknown = [str(program_id) for program_id in ids if program_id not in details]
        if unknown:
            raise bad_input(f"unknown program id{'s' if len(unknown) > 1 else ''} {', '.join(unknown)}")
        entries = program_entries(engine, ids)
        terms = terms_for(person.profile, list(entries.values()))
    finally:
        engine.dispose()
    return [_facts(details[program_id], terms.get(program_id), person) for program_id in ids]


def _facts(details: dict[str, Any], terms, person: Person) -> dict[str, Any]:
    pace = terms.pace if terms is not None else None
    cost = pace.cost_usd if pace is not None else details["cost_usd"]
    facts = {key: details.get(key) for key in FACT_COLUMNS}
    facts.update(
        program_id=details["id"],
        residence=person.residence,
        cost_for_you_usd=None if cost is None else round(cost, 2),
        cost_basis=terms.basis if terms is not None else ("cost unknown" if cost is None else "listed cost"),
        in_state_usd=terms.in_state_usd if terms is not None else None,
        hours_per_week=person.profile.hours_per_week,
        weeks_at_your_pace=None if pace is None or pace.weeks is None else round(pace.weeks, 1),
        weeks_basis=pace.weeks_basis if pace else None,
        graduates=details.get("outcomes_count"),
        captured=date_text(details["captured"]),
        url_kind=details.get("url_kind") or "page",
        sources=[
            {"source": record["source"], "last_seen": date_text(record["last_seen"]), "url": record["url"]}
            for record in details["sources"]
        ],  # fmt: skip
    )
    return facts


def _why(program_id: int, person: Person) -> dict[str, Any]:
    from cli.catalogue import open_catalogue
    from models.persistence import UntrustedModelError
    from models.why import explain_program
    from pipeline.settings import Settings

    engine = open_catalogue()
    try:
        return explain_program(engine, person.profile, program_id, models_dir=Settings().models_dir)
    except UntrustedModelError as error:
        typer.echo(f"error: {' '.join(str(error).split())}", err=True)
        raise typer.Exit(RUN_FAILED) from None
    finally:
        engine.dispose()


def _csv_row(facts: dict[str, Any]) -> dict[str, Any]:
    return {**facts, "sources": [f"{record['source']} ({record['last_seen']})" for record in facts["sources"]]}


# -- tables -------------------------------------------------------------------------------------


def _cost_cell(facts: dict[str, Any]) -> str:
    text = f"{cost_text(facts['cost_for_you_usd'])} ({facts['cost_model'] or 'model unknown'})"
    if facts["cost_basis"] not in ("listed cost", "cost unknown"):
        text += f"\n{facts['cost_basis']}"
    if facts["in_state_usd"] is not None:
        text += f"\nin-state: {cost_text(facts['in_state_usd'])}"
    if facts["cost_amount"] is not None and facts["cost_currency"] not in (None, "USD"):
        text += f"\nlisted as {facts['cost_amount']:,.2f} {facts['cost_currency']}"
    return text


def _weeks_cell(facts: dict[str, Any]) -> str:
    if facts["weeks_at_your_pace"] is None:
        return "unknown: no duration stated"
    weeks = f"{number_text(facts['weeks_at_your_pace'])} weeks"
    if facts["weeks_basis"] == "listed":
        return f"{weeks} as listed (weekly effort not stated)"
    return f"{weeks} at {number_text(facts['hours_per_week'])} h/week" + (
        f"\nlisted: {number_text(facts['duration_weeks'])} weeks" if facts["duration_weeks"] is not None else ""
    )


def _outcomes_cell(facts: dict[str, Any]) -> str:
    if facts["earnings_usd"] is None and facts["debt_usd"] is None:
        return "not known"
    graduates = f" ({number_text(facts['graduates'])} graduates)" if facts["graduates"] is not None else ""
    return f"earnings {cost_text(facts['earnings_usd'])}, debt {cost_text(facts['debt_usd'])}{graduates}"


def _rating_cell(facts: dict[str, Any]) -> str:
    if facts["rating"] is None:
        return "no rating"
    return f"{facts['rating']:.1f} from {number_text(facts['rating_count'])} ratings"


def _sources_cell(facts: dict[str, Any]) -> str:
    return "\n".join(f"{record['source']}, last seen {record['last_seen']}" for record in facts["sources"]) or "none"


def _link_cell(facts: dict[str, Any]) -> str:
    return facts["url"] + ("\n(a search page, not the program's own)" if facts["url_kind"] == "search" else "")


def _words(value: str | None) -> str:
    return value.replace("_", " ") if value else "not stated"


ROWS: tuple[tuple[str, Callable[[dict[str, Any]], str]], ...] = (
    ("Provider", lambda facts: " / ".join(value for value in (facts["provider"], facts["institution"]) if value)
     or "not stated"),
    ("Credential", lambda facts: f"{_words(facts['credential'])} ({facts['kind']})"),
    ("Cost for you", _cost_cell),
    ("Time", _weeks_cell),
    ("Delivery", lambda facts: f"{_words(facts['delivery'])}, {_words(facts['pacing'])}"),
    ("Level", lambda facts: _words(facts["level"])),
    ("Where", lambda facts: " ".join(value for value in (facts["country"], facts["language"]) if value)
     or "not stated"),
    ("Rating", _rating_cell),
    ("Outcomes", _outcomes_cell),
    ("Sources", _sources_cell),
    ("Captured", lambda facts: facts["captured"] or "unknown"),
    ("Link", _link_cell),
)  # fmt: skip


def _show_tables(facts: dict[str, Any]):
    from rich.table import Table
    from rich.text import Text

    yield Text(f"{facts['title']}  (id {facts['program_id']})", style="bold")
    table = Table(show_header=False, expand=True)
    table.add_column(style="bold", no_wrap=True)
    table.add_column(ratio=1, overflow="fold")
    for label, cell in ROWS:
        table.add_row(label, Text(cell(facts)))
    yield table
    if "why" in facts:
        yield _why_text(facts["why"])


def _why_text(why: dict[str, Any]):
    from rich.text import Text

    if why["status"] == "excluded":
        text = Text("Kept out for your profile by: " + ", ".join(why["constraints"]) + "\n", style="bold yellow")
    elif why["rank"] is None:
        text = Text("Meets your constraints, but is not shown on its own.\n", style="bold")
    else:
        text = Text(f"Ranks {why['rank']} of the {why['of']} programs that meet your constraints.\n", style="bold")
        if why["relaxed"]:
            text.append(f"(after relaxing: {', '.join(why['relaxed'])})\n")
    for reason in why["reasons"]:
        text.append(f"  - {reason}\n", style="")
    return text


def _side_by_side(programs: list[dict[str, Any]]):
    from rich.table import Table
    from rich.text import Text

    table = Table(expand=True)
    table.add_column("", style="bold", no_wrap=True)
    for facts in programs:
        table.add_column(Text(f"{facts['title']} ({facts['program_id']})"), ratio=1, overflow="fold")
    for label, cell in ROWS:
        table.add_row(label, *(Text(cell(facts)) for facts in programs))
    return table
