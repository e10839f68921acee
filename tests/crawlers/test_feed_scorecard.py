"""The College Scorecard parsers on the real files: the institution file, the field-of-study file and an
API answer. Expected figures were counted apart from the parser (csv.DictReader over bz2.open, by hand
for the single records)."""

import bz2
import json
from collections import Counter
from functools import cache
from pathlib import Path

import pytest

from crawlers.parsers import scorecard
from crawlers.parsers.csv_feed import Dropped

INSTITUTION_FILE = "datasets/scorecard_merged_2023_24_6429.csv.bz2"
FIELD_OF_STUDY_FILE = "datasets/scorecard_fos_1516_1617_216638.csv.bz2"
API_ANSWER = "api/scorecard_school_130794.json"
FETCHED_AT = "2023-08-26T15:54:58+00:00"


@cache
def _institutions(path: Path) -> tuple:
    return tuple(scorecard.parse_institutions(path.read_bytes(), "https://example.org/MERGED.csv.bz2", FETCHED_AT))


@cache
def _field_of_study(institution_path: Path, path: Path) -> tuple[tuple, Counter]:
    by_unitid = {school.unitid: school for school in _institutions(institution_path)}
    parser = scorecard.FieldOfStudyParser(by_unitid)
    return tuple(parser(path.read_bytes(), "https://example.org/FieldOfStudy.csv.bz2", FETCHED_AT)), parser.rows


@pytest.fixture
def institutions(corpus):
    return _institutions(corpus(INSTITUTION_FILE))


@pytest.fixture
def field_of_study(corpus):
    return _field_of_study(corpus(INSTITUTION_FILE), corpus(FIELD_OF_STUDY_FILE))


@pytest.fixture
def programs(field_of_study):
    return [result for result in field_of_study[0] if not isinstance(result, Dropped)]


def test_every_institution_is_read(institutions):
    assert len(institutions) == 6429
    assert all(isinstance(school, scorecard.Institution) for school in institutions)
    by_unitid = {school.unitid: school for school in institutions}
    assert by_unitid["236948"] == scorecard.Institution(
        unitid="236948", name="University of Washington-Seattle Campus", city="Seattle", state="WA",
        url="https://www.washington.edu/", main_campus=True, control="public", online_only=False,
        tuition_in_state=12643, tuition_out_of_state=41997,
    )  # fmt: skip
    # INSTURL "www.aamu.edu/": the scheme is added
    assert by_unitid["100654"].url == "https://www.aamu.edu/"


def test_na_tuition_and_flags_are_unknown_never_zero(institutions):
    # TUITIONFEE_OUT is NA in 2,700 rows; DISTANCEONLY is 1 in 64, NA in 505 (counted with csv.DictReader)
    assert sum(school.tuition_out_of_state is None for school in institutions) == 2700
    assert Counter(school.online_only for school in institutions) == {False: 5860, None: 505, True: 64}
    amridge = next(school for school in institutions if school.unitid == "100690")  # NA tuition, online only
    assert (amridge.tuition_in_state, amridge.tuition_out_of_state, amridge.online_only) == (None, None, True)


def test_rows_in_the_ml_fields_become_programs_and_the_rest_are_counted(field_of_study, programs):
    results, rows = field_of_study
    # 7,408 rows in the fields (11.01 2,936, 11.07 1,430, 11.02 1,043, 11.04 864, 27.03 517, 27.05 458,
    # 30.08 105, 30.30 55), 209,230 in others; 105 of the 7,408 have no UNITID (foreign or closed schools)
    assert rows == {"in_fields": 7408, "other_fields": 209230}
    assert Counter(result.reason for result in results if isinstance(result, Dropped)) == {"missing_unitid": 105}
    assert len(programs) == 7303
    assert len({program["source_id"] for program in programs}) == 7303
    assert Counter(program["extra"]["cip"] for program in programs) == {
        "11.01": 2904, "11.07": 1391, "11.02": 1039, "11.04": 857, "27.03": 503, "27.05": 452, "30.08": 104,
        "30.30": 53,
    }  # fmt: skip


def test_suppressed_outcomes_are_unknown_and_the_known_ones_keep_their_counts(programs):
    # P_MD_EARN_WNE known in 1,182 of the 7,303 rows, P_DEBTMEDIAN in 1,327, both in 1,091
    earnings = [program for program in programs if "earnings_usd" in program["extra"]]
    debt = [program for program in programs if "debt_usd" in program["extra"]]
    assert (len(earnings), len(debt)) == (1182, 1327)
    assert sum("earnings_usd" in program["extra"] and "debt_usd" in program["extra"] for program in programs) == 1091
    assert all(program["extra"]["earnings_usd"] > 0 for program in earnings)


def test_a_program_joined_to_its_institution(programs):
    yale = next(program for program in programs if program["source_id"] == "130794/1101/3")
    assert dict(yale) == {
        "source": "scorecard",
        "source_id": "130794/1101/3",
        "url": "https://www.yale.edu/",
        "fetched_at": FETCHED_AT,
        "title": "Bachelor’s Degree in Computer and Information Sciences, General",
        "provider": "Yale University",
        "institution": "Yale University",
        "credential": "Bachelor’s Degree",  # "Bachelor\x92s" in the file: a cp1252 quote as a C1 control
        "subject": "Computer and Information Sciences, General",
        "price": 64700,
        "currency": "USD",
        "country": "US",
        "city": "New Haven",
        "extra": {
            "unitid": "130794", "state": "CT", "cip": "11.01", "credential_level": 3,
            "tuition_in_state": 64700, "tuition_out_of_state": 64700, "tuition_period": "year",
            "earnings_usd": 120300, "earnings_count": 25,
            "debt_count": 17,  # P_COUNT; P_DEBTMEDIAN is PrivacySuppressed: no debt figure
            "title_iv_count": 25, "main_campus": True, "control": "private nonprofit",
            "scorecard_url": "https://collegescorecard.ed.gov/school/?130794",
        },
    }  # fmt: skip


def test_no_c1_control_character_survives(programs):
    texts = [program["title"] + program["provider"] for program in programs]
    assert not [text for text in texts if any("\x80" <= char <= "\x9f" for char in text)]


def test_a_school_the_institution_file_no_longer_lists_keeps_the_scorecard_page(programs):
    orphans = [program for program in programs if "state" not in program["extra"]]
    assert orphans and all(program["url"].startswith("https://collegescorecard.ed.gov/school/?") for program in orphans)
    assert all("price" not in program for program in orphans)


@pytest.mark.parametrize(
    ("code", "field"),
    [("1107", "11.07"), ("101", "01.01"), ("3070", "30.70"), ("11.0701", "11.07"), ("PrivacySuppressed", None),
     ("12345", None), ("", None)],
)  # fmt: skip
def test_cip_codes_are_padded_to_four_digits(code, field):
    assert scorecard.cip4(code) == field


def test_the_api_answer_of_one_school(corpus):
    body = corpus(API_ANSWER).read_bytes()
    items = list(scorecard.parse_api_page(body, FETCHED_AT))
    # Yale's cip_4_digit[]: 11.01 at levels 3, 5, 6, 8; 11.02 at 3; 27.03 at 3, 5, 6, 8; 27.05 at 3, 5, 6;
    # 30.08 at 3 (its 30.13, 30.20, 30.23, 30.25, 30.99 and 27.01 are other fields)
    assert sorted(item["source_id"] for item in items) == sorted(
        ["130794/1101/3", "130794/1101/5", "130794/1101/6", "130794/1101/8", "130794/1102/3", "130794/2703/3",
         "130794/2703/5", "130794/2703/6", "130794/2703/8", "130794/2705/3", "130794/2705/5", "130794/2705/6",
         "130794/3008/3"]
    )  # fmt: skip
    bachelor = next(item for item in items if item["source_id"] == "130794/1101/3")
    assert bachelor["url"] == "https://www.yale.edu"
    assert bachelor["credential"] == "Bachelor's Degree"
    extra = bachelor["extra"]
    assert (bachelor["price"], extra["tuition_in_state"], extra["state"]) == (51400, 51400, "CT")
    assert (extra["earnings_usd"], extra["earnings_count"], extra.get("debt_usd"), extra["debt_count"]) == (
        120300, 25, None, 17,
    )  # fmt: skip


def test_the_live_api_wraps_schools_in_results(corpus):
    record = json.loads(corpus(API_ANSWER).read_bytes())
    wrapped = json.dumps({"metadata": {"total": 1, "page": 0, "per_page": 100}, "results": [record]}).encode()
    assert [item["source_id"] for item in scorecard.parse_api_page(wrapped, FETCHED_AT)] == [
        item["source_id"] for item in scorecard.parse_api_page(corpus(API_ANSWER).read_bytes(), FETCHED_AT)
    ]
    assert not scorecard.api_has_more_pages(wrapped, page=0, per_page=100)
    assert scorecard.api_has_more_pages(b'{"metadata": {"total": 250}, "results": []}', page=1, per_page=100)


def test_broken_json_is_one_drop():
    assert list(scorecard.parse_api_page(b'{"results": [', FETCHED_AT))[0].reason == "unreadable_json"


def _bz2_csv(text: str) -> bytes:
    return bz2.compress(text.encode("utf-8"))


FOS_HEADER = ",".join(scorecard.FIELD_OF_STUDY_COLUMNS)


def test_a_corrupt_bzip2_stream_is_unreadable():
    with pytest.raises(scorecard.FeedUnreadable, match="not a bzip2 CSV"):
        list(scorecard.FieldOfStudyParser({})(b"this is not bzip2", "u", FETCHED_AT))


def test_a_truncated_bzip2_stream_keeps_the_rows_before_the_cut():
    # 3 MB of rows: several bzip2 blocks (900 kB each), so the blocks before the cut are whole
    rows = "".join(f"{unitid},School {unitid},1107,Computer Science.,5,Master's,20,NULL,25,25,9{unitid}\n"
                   for unitid in range(100000, 140000))
    body = _bz2_csv(FOS_HEADER + "\n" + rows)
    results = list(scorecard.FieldOfStudyParser({})(body[: len(body) * 4 // 5], "u", FETCHED_AT))
    assert isinstance(results[-1], Dropped) and results[-1].reason == "truncated_feed"
    assert all(not isinstance(result, Dropped) for result in results[:-1]) and len(results) > 1


def test_a_changed_header_is_unreadable():
    body = _bz2_csv(FOS_HEADER.replace("P_MD_EARN_WNE", "EARN_MDN_HI_1YR") + "\n")
    with pytest.raises(scorecard.FeedUnreadable, match="missing columns: P_MD_EARN_WNE"):
        list(scorecard.FieldOfStudyParser({})(body, "u", FETCHED_AT))


def test_short_and_overlong_rows_are_counted_drops():
    good = "130794,Yale University,1107,Computer Science.,5,Master's Degree,20,NULL,25,25,90000"
    body = _bz2_csv("\n".join([FOS_HEADER, good, "130794,Yale University,1107", good + ",extra", '"unterminated']))
    results = list(scorecard.FieldOfStudyParser({})(body, "u", FETCHED_AT))
    reasons = [getattr(result, "reason", "item") for result in results]
    assert reasons == ["item", "wrong_column_count", "wrong_column_count", "wrong_column_count"]
    assert "debt_usd" not in results[0]["extra"]  # NULL is unknown, never zero
    assert results[0]["extra"]["earnings_usd"] == 90000
