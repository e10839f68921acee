"""The profile parser on any dict or TOML file: a Profile or a one-line ProfileError, nothing else."""

import math

from hypothesis import given
from hypothesis import strategies as st

from models.profile import DELIVERIES, GOALS, LEVELS, Profile, ProfileError, build_profile
from tests.fuzz.strategies import FUZZ, values

KEYS = [*Profile.model_fields, "hours-per-week", "has-degree", "self-paced", "colour", ""]
profile_values = st.one_of(
    values, st.sampled_from([*GOALS, *DELIVERIES, *LEVELS, "US", "gb", "de", "EN", "xx", "ZZ", "-5", "1e999", "nan"]),
)
profile_dicts = st.dictionaries(st.sampled_from(KEYS) | st.text(max_size=10), profile_values, max_size=6)
toml_scalars = st.one_of(
    st.integers(-10**6, 10**6).map(str), st.floats(allow_nan=True, allow_infinity=True).map(
        lambda x: "nan" if math.isnan(x) else ("inf" if x == math.inf else "-inf" if x == -math.inf else repr(x))),
    st.sampled_from(["true", "false", "1979-05-27", "[1, 2]", '["a", "b"]', "{a = 1}", '""', "'x'"]),
    st.text(max_size=20).map(lambda text: '"' + text.replace("\\", "\\\\").replace('"', '\\"') + '"'),
)


def check(build) -> None:
    try:
        profile = build()
    except ProfileError as error:
        message = str(error)
        assert message and "\n" not in message and "Traceback" not in message
        return
    assert isinstance(profile, Profile)
    assert profile.goal in GOALS and profile.delivery in DELIVERIES and profile.level in (None, *LEVELS)
    assert profile.budget is None or profile.budget >= 0
    assert 0 < profile.hours_per_week <= 168
    assert profile.country is None or (len(profile.country) == 2 and profile.country.isupper())
    assert profile.language is None or (len(profile.language) == 2 and profile.language.islower())


@FUZZ
@given(profile_dicts)
def test_any_flags_give_a_profile_or_one_line_error(flags):
    check(lambda: build_profile(flags))


@FUZZ
@given(st.lists(st.tuples(st.sampled_from(KEYS).filter(bool), toml_scalars), max_size=6))
def test_any_toml_profile_gives_a_profile_or_one_line_error(tmp_path_factory, pairs):
    text = "".join(f'"{key}" = {value}\n' for key, value in pairs)
    path = tmp_path_factory.mktemp("profile") / "profile.toml"
    path.write_text(text, encoding="utf-8")
    check(lambda: build_profile({}, path))


@FUZZ
@given(st.binary(max_size=200) | st.text(max_size=200).map(str.encode))
def test_any_file_gives_a_profile_or_one_line_error(tmp_path_factory, body):
    path = tmp_path_factory.mktemp("profile") / "profile.toml"
    path.write_bytes(body)
    check(lambda: build_profile({"budget": 100.0}, path))

