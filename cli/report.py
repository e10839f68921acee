"""`mlpath report PATH`: one HTML file, readable offline, with charts of cost against time to complete.

Certifications and degrees are charted apart (their scales differ a hundredfold). Given a profile, the
programs meeting its constraints stand out, the recommended ones are marked with their rank, and the
verdict and its reasons head the page. Plotly draws the charts; its script is inlined, so the file
needs no network.
"""

from pathlib import Path
from typing import Annotated

import typer

from cli.errors import bad_input, positive_int, readable, shown
from cli.profile_options import Person, profile_options


@profile_options
def report(
    path: Annotated[str, typer.Argument(metavar="PATH", help="Where to write the HTML file.")],
    person: Person,
    k: Annotated[str, typer.Option("-k", metavar="N", help="How many recommended programs to mark.")] = "10",
) -> None:
    """An HTML report with charts that opens offline; given a profile, its candidates and verdict."""
    target = Path(readable(path))
    top = positive_int("-k", k)
    if target.is_dir() or not target.parent.is_dir():
        raise bad_input(f"cannot write the report to {shown(path)}: not a file in an existing folder")

    from cli.catalogue import open_catalogue
    from cli.report_page import report_page
    from models.catalog import load_catalog
    from models.why import terms_for

    engine = open_catalogue()
    try:
        catalog = load_catalog(engine)
        terms = terms_for(person.profile, catalog)
        recommendation = _recommendation(engine, person, top) if person.given else None
    finally:
        engine.dispose()
    page = report_page(catalog, person.profile, recommendation, terms)
    try:
        target.write_text(page, encoding="utf-8")
    except OSError as error:
        raise bad_input(f"cannot write the report to {shown(path)}: {error.strerror or error}") from None
    typer.echo(f"report written to {target} ({len(catalog)} programs)", err=True)


def _recommendation(engine, person: Person, top: int) -> dict:
    from cli.catalogue import failed
    from models.catalog import EmptyCatalogError
    from models.persistence import UntrustedModelError
    from models.recommend import recommend
    from pipeline.settings import Settings

    try:
        return recommend(engine, person.profile, top, models_dir=Settings().models_dir)
    except (EmptyCatalogError, UntrustedModelError) as error:
        raise failed(str(error)) from None
