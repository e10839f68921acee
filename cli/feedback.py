"""`mlpath feedback ID --like|--dismiss|--enrolled [--user NAME]`: what you thought of a program.

A dismissed program leaves your later lists; every feedback is used by `mlpath train`, judged against
the profile of your latest `mlpath recommend`.
"""

from typing import Annotated

import typer

from cli.errors import RUN_FAILED, bad_input
from pipeline.settings import Settings
from pipeline.store.db import make_engine


def feedback(
    program_id: Annotated[str, typer.Argument(metavar="ID", help="The program's id, as recommend shows it.")],
    like: Annotated[bool, typer.Option("--like", help="You like it.")] = False,
    dismiss: Annotated[bool, typer.Option("--dismiss", help="Not for you: leave it out of your lists.")] = False,
    enrolled: Annotated[bool, typer.Option("--enrolled", help="You enrolled in it.")] = False,
    user: Annotated[str | None, typer.Option(metavar="NAME", help="Whose feedback (default MLPATH_USER).")] = None,
) -> None:
    """Record what you thought of a program: like, dismiss or enrolled."""
    actions = [name for name, given in (("like", like), ("dismiss", dismiss), ("enrolled", enrolled)) if given]
    if len(actions) != 1:
        raise bad_input(f"give exactly one of --like, --dismiss, --enrolled, got {len(actions)}")
    try:
        number = int(program_id.strip())
    except ValueError:
        shown = " ".join(program_id.split()) or repr(program_id)
        raise bad_input(f"ID must be a program id (a whole number), got {shown}") from None
    from models.feedback import UnknownProgramError, has_feedback_table, last_profile, record, user_name

    settings = Settings()
    engine = make_engine(settings.database)
    try:
        if not has_feedback_table(engine):
            typer.echo("error: the database has no feedback table yet: run `mlpath db upgrade`", err=True)
            raise typer.Exit(RUN_FAILED)
        name = user_name(user)
        source, source_id = record(engine, number, actions[0], name, last_profile(settings.home, name))
    except UnknownProgramError as error:
        raise bad_input(str(error)) from None
    finally:
        engine.dispose()
    typer.echo(f"{actions[0]} recorded for program {number} ({source} {source_id}) by {name}", err=True)
