import pytest

from models.profile import DEFAULT_HOURS_PER_WEEK, ProfileError, build_profile


def write(tmp_path, text: str):
    path = tmp_path / "profile.toml"
    path.write_text(text)
    return path


def test_flags_override_the_toml_file_and_hyphen_or_underscore_keys_both_work(tmp_path):
    path = write(tmp_path, 'goal = "research"\nbudget = 500\nhours-per-week = 5\nhas_degree = true\n')

    profile = build_profile({"budget": "1000", "goal": None}, path)

    assert (profile.goal, profile.budget, profile.hours_per_week, profile.has_degree) == ("research", 1000.0, 5.0, True)


def test_defaults_mean_no_limit_and_ten_hours_a_week():
    profile = build_profile({})

    assert (profile.budget, profile.months, profile.delivery) == (None, None, "any")
    assert profile.hours_per_week == DEFAULT_HOURS_PER_WEEK


def test_choices_are_normalised_and_codes_checked():
    profile = build_profile({"goal": "Career_Switch", "delivery": "on_campus", "country": "us", "language": "EN"})

    assert (profile.goal, profile.delivery, profile.delivery_wanted) == ("career-switch", "on-campus", "on_campus")
    assert (profile.country, profile.language) == ("US", "en")


def test_interests_may_be_a_list_in_toml(tmp_path):
    path = write(tmp_path, 'interests = ["deep learning", "computer vision"]\n')

    assert build_profile({}, path).interests == "deep learning, computer vision"


@pytest.mark.parametrize(
    ("flags", "message"),
    [
        ({"budget": "-5"}, "--budget must be >= 0, got -5"),
        ({"goal": "astronaut"},
         "--goal must be one of industry|career-switch|upskill|research|academia, got astronaut"),
        ({"hours_per_week": "0"}, "--hours-per-week must be > 0, got 0"),
        ({"months": "soon"}, "--months must be a number, got soon"),
        ({"country": "XX"}, "--country must be an ISO 3166-1 alpha-2 country code such as US, GB, DE, got XX"),
        ({"language": "english"}, "--language must be an ISO 639-1 language code such as en, de, fr, got english"),
    ],
)
def test_a_bad_flag_is_one_line_naming_the_flag_and_the_value(flags, message):
    with pytest.raises(ProfileError) as raised:
        build_profile(flags)

    assert str(raised.value) == message


def test_a_bad_value_in_the_file_names_the_key_and_the_file(tmp_path):
    path = write(tmp_path, "budget = -1\n")

    with pytest.raises(ProfileError, match=rf"^budget in {path} must be >= 0, got -1$"):
        build_profile({}, path)


def test_an_unknown_key_in_the_file_is_refused(tmp_path):
    path = write(tmp_path, "budjet = 100\n")

    with pytest.raises(ProfileError, match="budjet in .*: not a profile key"):
        build_profile({}, path)


def test_unreadable_or_invalid_toml_is_one_line(tmp_path):
    broken = write(tmp_path, "goal = \n[[[")

    with pytest.raises(ProfileError) as invalid:
        build_profile({}, broken)
    with pytest.raises(ProfileError) as missing:
        build_profile({}, tmp_path / "absent.toml")

    assert "not valid TOML" in str(invalid.value) and "\n" not in str(invalid.value)
    assert str(missing.value).startswith(f"--profile {tmp_path / 'absent.toml'}: cannot read it")


def test_a_profile_file_that_is_not_utf8_is_one_line_error(tmp_path):
    """Found by tests/fuzz: build_profile let UnicodeDecodeError out (only the CLI caught it)."""
    path = tmp_path / "profile.toml"
    path.write_bytes(b'goal = "research"\ninterests = "\xff\xfe"\n')

    with pytest.raises(ProfileError, match=r"^--profile .*profile\.toml: not UTF-8 text$"):
        build_profile({}, path)
