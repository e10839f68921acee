"""The data dictionary, generated from the models (each column's `doc`) and the views' described
columns, so it cannot drift: `python -m pipeline.store.dictionary > docs/DATA_DICTIONARY.md`."""

from pipeline.store.schema import Base

# The analysts' views (alembic/versions), column by column; a test checks these are the views' columns.
VIEW_COLUMNS: dict[str, dict[str, str]] = {
    "program_catalog": {
        "id": "The program's id (programs.id).",
        "title": "The program's title.",
        "provider": "Who offers it (platform or school).",
        "kind": "certification | degree.",
        "credential": "course, specialization, professional certificate, bachelor, master, ...",
        "delivery": "online | on-campus | hybrid; empty: unknown.",
        "pacing": "self-paced | scheduled; empty: unknown.",
        "level": "beginner | intermediate | advanced; empty: unknown.",
        "language": "ISO 639-1 code of the teaching language.",
        "country": "ISO 3166-1 alpha-2 code of where it is taught.",
        "cost_usd": "Total cost to finish, in USD; empty: unknown.",
        "cost_model": "free | free_audit | one_time | subscription | tuition.",
        "duration_weeks": "Duration in weeks: the longest stated, else the shortest.",
        "effort_hours_per_week": "Stated study hours a week.",
        "total_hours": "Total study hours.",
        "rating": "Mean learner rating, 0-5.",
        "rating_count": "Ratings behind the mean.",
        "earnings_usd": "Median earnings of graduates (College Scorecard).",
        "debt_usd": "Median debt of graduates (College Scorecard).",
        "outcomes_count": "Graduates behind the outcomes, at least.",
        "url": "A page a person can open: never a dataset file.",
        "url_kind": "page (the program's own) | search (the provider's search for its title).",
        "active": "False: no source lists it any more.",
        "source_count": "Distinct sources listing it.",
        "captured": "Newest fetch time of the data behind it.",
        "first_seen": "When a crawl first saw it (UTC).",
        "last_seen": "When a crawl last saw it (UTC).",
    },
    "source_summary": {
        "source": "The source's name in crawlers/registry.py.",
        "programs": "Programs it lists.",
        "active_programs": "Of those, still active.",
        "share_with_cost": "Share of its programs with a known cost_usd.",
        "share_with_duration": "Share with a known duration.",
        "share_with_delivery": "Share with a known delivery.",
        "share_with_level": "Share with a known level.",
        "share_with_own_page": "Share whose url is the program's own page.",
        "last_seen": "When a crawl last saw one of its listings.",
    },
    "provider_summary": {
        "provider": "The institution, else the provider.",
        "kind": "certification | degree.",
        "programs": "Programs it offers.",
        "active_programs": "Of those, still active.",
        "min_cost_usd": "Cheapest known cost, USD.",
        "mean_cost_usd": "Mean known cost, USD.",
        "max_cost_usd": "Dearest known cost, USD.",
        "mean_rating": "Mean rating of its rated programs.",
    },
    "price_changes": {
        "program_id": "The program (programs.id).",
        "title": "Its title.",
        "provider": "Its provider.",
        "field": "cost_usd | cost_model | cost_amount | cost_currency.",
        "old_value": "The value before.",
        "new_value": "The value after.",
        "changed_at": "When the change was stored (UTC).",
        "source": "The source whose crawl saw the change.",
        "run_id": "The `mlpath run` of that crawl.",
    },
}


def _cell(text: str) -> str:
    return text.replace("|", "\\|").replace("\n", " ")


def _table(rows: list[tuple[str, ...]], header: tuple[str, ...]) -> list[str]:
    lines = ["| " + " | ".join(header) + " |", "|" + "---|" * len(header)]
    return lines + ["| " + " | ".join(_cell(value) for value in row) + " |" for row in rows]


def render() -> str:
    lines = ["# Data dictionary", "",
             "Generated from pipeline/store/schema.py and pipeline/store/dictionary.py by "
             "`python -m pipeline.store.dictionary`; do not edit by hand.", ""]
    for table in Base.metadata.sorted_tables:
        model = next(mapper.class_ for mapper in Base.registry.mappers if mapper.local_table is table)
        lines += [f"## Table `{table.name}`", "", (model.__doc__ or "").strip(), ""]
        rows = [(f"`{column.name}`", str(column.type), "yes" if column.nullable else "no",
                 model.__mapper__.attrs[column.key].doc or "") for column in table.columns]
        lines += _table(rows, ("column", "type", "nullable", "meaning")) + [""]
    for view, columns in VIEW_COLUMNS.items():
        lines += [f"## View `{view}`", ""]
        lines += _table([(f"`{name}`", meaning) for name, meaning in columns.items()], ("column", "meaning")) + [""]
    return "\n".join(lines)


if __name__ == "__main__":
    print(render(), end="")
