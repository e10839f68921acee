"""Bad input: one line on stderr naming the value, exit code 2, never a traceback."""

import typer

BAD_INPUT = 2
RUN_FAILED = 1


def bad_input(message: str) -> typer.Exit:
    typer.echo(f"error: {message}", err=True)
    return typer.Exit(BAD_INPUT)
