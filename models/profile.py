"""One person's profile: what they want, what they can spend, and how much time they have.

Built from flags, from a TOML file (`--profile FILE`, the same keys with hyphens or underscores), or
both, flags winning. Any bad value becomes a `ProfileError` whose message is one line naming it.
"""

import tomllib
from pathlib import Path
from typing import Any, Literal

import pycountry
from pydantic import BaseModel, ConfigDict, Field, ValidationError, field_validator

GOALS = ("industry", "career-switch", "upskill", "research", "academia")
DELIVERIES = ("online", "on-campus", "hybrid", "any")
LEVELS = ("beginner", "intermediate", "advanced")

DEFAULT_HOURS_PER_WEEK = 10.0  # used for "weeks at your pace" when the person does not say


class ProfileError(ValueError):
    """A profile value that cannot be used; str() is one line naming the key and the value."""


class Profile(BaseModel):
    """The profile. None means "no limit" for budget and months, and "not said" for the rest."""

    model_config = ConfigDict(extra="forbid", frozen=True)

    goal: Literal["industry", "career-switch", "upskill", "research", "academia"] = "industry"
    budget: float | None = Field(default=None, ge=0)  # USD, total
    hours_per_week: float = Field(default=DEFAULT_HOURS_PER_WEEK, gt=0, le=168)
    months: float | None = Field(default=None, gt=0)
    delivery: Literal["online", "on-campus", "hybrid", "any"] = "any"
    self_paced: bool = False  # True: only self-paced programs
    level: Literal["beginner", "intermediate", "advanced"] | None = None
    has_degree: bool | None = None
    interests: str = ""
    country: str | None = None  # ISO 3166-1 alpha-2
    language: str | None = None  # ISO 639-1
    residence: str | None = None  # where the person lives: ISO 3166-1 alpha-2, or US-XX for a US state

    @field_validator("goal", mode="before")
    @classmethod
    def _known_goal(cls, value: Any) -> Any:
        return _choice(value, GOALS)

    @field_validator("delivery", mode="before")
    @classmethod
    def _known_delivery(cls, value: Any) -> Any:
        return _choice(value, DELIVERIES)

    @field_validator("level", mode="before")
    @classmethod
    def _known_level(cls, value: Any) -> Any:
        return None if value is None else _choice(value, LEVELS)

    @field_validator("interests", mode="before")
    @classmethod
    def _interests_as_text(cls, value: Any) -> Any:
        if isinstance(value, list | tuple):
            return ", ".join(str(item) for item in value)
        return value

    @field_validator("country", mode="before")
    @classmethod
    def _alpha2_country(cls, value: Any) -> Any:
        if value is None:
            return None
        code = str(value).strip().upper()
        if len(code) != 2 or pycountry.countries.get(alpha_2=code) is None:
            raise ValueError("must be an ISO 3166-1 alpha-2 country code such as US, GB, DE")
        return code

    @field_validator("residence", mode="before")
    @classmethod
    def _country_or_us_state(cls, value: Any) -> Any:
        if value is None:
            return None
        code = str(value).strip().upper()
        if len(code) == 2 and pycountry.countries.get(alpha_2=code) is not None:
            return code
        if code.startswith("US-") and pycountry.subdivisions.get(code=code) is not None:
            return code
        raise ValueError("must be an ISO 3166-1 alpha-2 country code such as DE, or US-XX for a US state")

    @field_validator("language", mode="before")
    @classmethod
    def _iso639_1_language(cls, value: Any) -> Any:
        if value is None:
            return None
        code = str(value).strip().lower()
        if len(code) != 2 or pycountry.languages.get(alpha_2=code) is None:
            raise ValueError("must be an ISO 639-1 language code such as en, de, fr")
        return code

    @property
    def delivery_wanted(self) -> str | None:
        """The delivery as the catalogue spells it (on_campus), or None for any."""
        return None if self.delivery == "any" else self.delivery.replace("-", "_")


def _choice(value: Any, choices: tuple[str, ...]) -> Any:
    if not isinstance(value, str):
        return value
    normalised = value.strip().lower().replace("_", "-")
    if normalised not in choices:
        raise ValueError(f"must be one of {'|'.join(choices)}")
    return normalised


def build_profile(flags: dict[str, Any], profile_file: Path | None = None) -> Profile:
    """The profile from a TOML file (optional) overridden by the flags that were given (not None)."""
    from_file = read_profile_file(profile_file) if profile_file is not None else {}
    given_flags = {key: value for key, value in flags.items() if value is not None}
    values = {**from_file, **given_flags}
    try:
        return Profile(**values)
    except ValidationError as error:
        raise ProfileError(_describe(error, given_flags, profile_file)) from None


def read_profile_file(path: Path) -> dict[str, Any]:
    try:
        with Path(path).open("rb") as file:
            data = tomllib.load(file)
    except OSError as error:
        raise ProfileError(f"--profile {path}: cannot read it ({error.strerror or error})") from None
    except UnicodeDecodeError:
        raise ProfileError(f"--profile {path}: not UTF-8 text") from None
    except tomllib.TOMLDecodeError as error:
        raise ProfileError(f"--profile {path}: not valid TOML ({_one_line(str(error))})") from None
    return {key.replace("-", "_"): value for key, value in data.items()}


def _describe(error: ValidationError, flags: dict[str, Any], profile_file: Path | None) -> str:
    """The first error as one line: `--budget must be >= 0, got -5`."""
    first = error.errors()[0]
    key = str(first["loc"][0]) if first["loc"] else "profile"
    where = f"--{key.replace('_', '-')}" if key in flags or profile_file is None else f"{key} in {profile_file}"
    if first["type"] == "extra_forbidden":
        return f"{where}: not a profile key (keys: {', '.join(_keys())})"
    return f"{where} {_requirement(first)}, got {_shown(first.get('input'))}"


def _requirement(error: dict[str, Any]) -> str:
    context = error.get("ctx") or {}
    kind = error["type"]
    if kind == "greater_than_equal":
        return f"must be >= {_number(context['ge'])}"
    if kind == "greater_than":
        return f"must be > {_number(context['gt'])}"
    if kind == "less_than_equal":
        return f"must be <= {_number(context['le'])}"
    if kind in ("float_parsing", "float_type", "finite_number"):
        return "must be a number"
    if kind in ("bool_parsing", "bool_type"):
        return "must be true or false"
    if kind == "value_error":
        return str(context.get("error", error["msg"]))
    return _one_line(error["msg"]).lower()


def _shown(value: Any) -> str:
    if isinstance(value, str):
        return repr(value) if value.strip() == "" else _one_line(value)
    return _one_line(repr(value))


def _number(value: Any) -> str:
    return f"{value:g}" if isinstance(value, float) else str(value)


def _one_line(text: str) -> str:
    return " ".join(text.split())


def _keys() -> list[str]:
    return [name.replace("_", "-") for name in Profile.model_fields]
