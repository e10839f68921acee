"""The profile flags of DESIGN.md (as `mlpath recommend` takes them), for any command: one decorator.

`@profile_options` adds the flags, builds the profile (a bad value is one line and exit 2) and hands
the command a `Person`. Values are taken as plain text and checked by models.profile, so that every
message names the flag and the value.
"""

import functools
import inspect
from collections.abc import Callable
from dataclasses import dataclass
from typing import Annotated, Any

import typer

from cli.errors import bad_input, shown


@dataclass(frozen=True)
class Person:
    profile: Any  # models.profile.Profile (imported when a command runs)
    given: bool  # whether any profile flag or file was given: without one, nothing is explained
    residence: str | None  # ISO alpha-2: where the person lives (EU tuition-free study, US in-state tuition)


def _option(metavar: str, help_text: str):
    return typer.Option(metavar=metavar, help=help_text, rich_help_panel="Your profile")


PROFILE_PARAMETERS = {
    "goal": Annotated[str | None, _option("GOAL", "industry, career-switch, upskill, research or academia.")],
    "budget": Annotated[str | None, _option("USD", "Total budget in US dollars.")],
    "hours_per_week": Annotated[str | None, _option("H", "Hours you can study each week (default 10).")],
    "months": Annotated[str | None, _option("M", "Months you give yourself to finish.")],
    "delivery": Annotated[str | None, _option("MODE", "online, on-campus, hybrid or any.")],
    "self_paced": Annotated[
        bool | None,
        typer.Option("--self-paced/--no-self-paced", help="Only self-paced.", rich_help_panel="Your profile"),
    ],
    "level": Annotated[str | None, _option("LEVEL", "beginner, intermediate or advanced.")],
    "has_degree": Annotated[
        bool | None,
        typer.Option("--has-degree/--no-degree", help="Whether you hold a degree.", rich_help_panel="Your profile"),
    ],
    "interests": Annotated[str | None, _option("TEXT", "What you want to learn.")],
    "country": Annotated[str | None, _option("CC", "ISO alpha-2 country where you want to study.")],
    "language": Annotated[str | None, _option("LL", "ISO 639-1 teaching language.")],
    "profile": Annotated[str | None, _option("FILE", "TOML profile (same keys); flags override it.")],
    "residence": Annotated[str | None, _option("CC", "ISO alpha-2 country where you live (prices tuition).")],
}
PROFILE_FLAGS = tuple(name for name in PROFILE_PARAMETERS if name not in ("profile", "residence"))


def profile_options(command: Callable[..., Any]) -> Callable[..., Any]:
    """Replace the command's `person: Person` parameter by the profile flags."""
    signature = inspect.signature(command)
    kept = [parameter for name, parameter in signature.parameters.items() if name != "person"]
    added = [inspect.Parameter(name, inspect.Parameter.KEYWORD_ONLY, default=None, annotation=annotation)
             for name, annotation in PROFILE_PARAMETERS.items()]  # fmt: skip

    @functools.wraps(command)
    def with_profile(*args, **kwargs):
        values = {name: kwargs.pop(name, None) for name in PROFILE_PARAMETERS}
        return command(*args, person=person_from(values), **kwargs)

    with_profile.__signature__ = signature.replace(parameters=_ordered([*kept, *added]))
    annotations = {name: value for name, value in command.__annotations__.items() if name != "person"}
    with_profile.__annotations__ = {**annotations, **PROFILE_PARAMETERS}
    return with_profile


def person_from(values: dict[str, Any]) -> Person:
    from pathlib import Path

    from models.profile import ProfileError, build_profile

    flags = {name: values.get(name) for name in PROFILE_FLAGS}
    profile_file = values.get("profile")
    try:
        profile = build_profile(flags, Path(profile_file) if profile_file is not None else None)
    except ProfileError as error:
        raise bad_input(str(error)) from None
    except UnicodeDecodeError:  # tomllib reads UTF-8 only
        raise bad_input(f"--profile {shown(profile_file)}: not UTF-8 text") from None
    given = profile_file is not None or any(value is not None for value in flags.values())
    return Person(profile=profile, given=given, residence=residence_code(values.get("residence")))


def residence_code(value: str | None) -> str | None:
    if value is None:
        return None
    import pycountry

    code = value.strip().upper()
    if len(code) != 2 or pycountry.countries.get(alpha_2=code) is None:
        raise bad_input(
            f"--residence must be an ISO 3166-1 alpha-2 country code such as US, GB, DE, got {shown(value)}"
        )
    return code


def _ordered(parameters: list[inspect.Parameter]) -> list[inspect.Parameter]:
    """Positional parameters first, as a signature requires."""
    return sorted(parameters, key=lambda parameter: parameter.kind)
