"""Bad input: one line on stderr naming the value, exit code 2, never a traceback.

Values typed by a person may hold anything: NUL bytes, newlines, 10,000 characters, bytes that are
not UTF-8 (Python hands those over as lone surrogates). `readable` makes such text safe to print or
store; `shown` makes it fit on the one line of an error message.
"""

import typer

BAD_INPUT = 2
RUN_FAILED = 1

SHOWN_LIMIT = 200  # a 10,000-character value still makes one readable line


def bad_input(message: str) -> typer.Exit:
    typer.echo(f"error: {message}", err=True)
    return typer.Exit(BAD_INPUT)


def readable(text: str) -> str:
    """The text with undecodable bytes as U+FFFD and NUL bytes as spaces."""
    try:
        raw = text.encode("utf-8", "surrogateescape")
    except UnicodeEncodeError:  # a lone surrogate that no undecodable byte became
        raw = text.encode("utf-8", "replace")
    return raw.decode("utf-8", "replace").replace("\x00", " ")


def shown(value: object) -> str:
    """A value as typed, on one short line; '' when empty."""
    text = " ".join(readable(str(value)).split())
    if len(text) > SHOWN_LIMIT:
        text = text[: SHOWN_LIMIT - 1] + "…"
    return text or repr(str(value))


def positive_int(option: str, value: str) -> int:
    """A whole number >= 1 typed for `option`, or bad input naming it."""
    try:
        number = int(readable(value).strip())
    except ValueError:
        raise bad_input(f"{option} must be a whole number >= 1, got {shown(value)}") from None
    if number < 1:
        raise bad_input(f"{option} must be >= 1, got {number}")
    return number
