"""The label loader: valid files load; a bad grade, an unknown persona, a repeated label fail naming the line."""

import pytest

from evaluation.labels import LabelError, load_duplicates, load_judgements, load_personas, load_relevance

PERSONA = """
[[persona]]
id = "p01"
story = "Warehouse worker in Texas, no degree, free start in data analysis."
goal = "career-switch"
budget = 0
hours_per_week = 5
delivery = "online"
interests = "data analysis"
residence = "US"
"""


def write(tmp_path, name, text):
    path = tmp_path / name
    path.write_text(text.lstrip(), encoding="utf-8")
    return path


def test_personas_load_with_their_keys(tmp_path):
    personas = load_personas(write(tmp_path, "personas.toml", PERSONA))
    assert [persona["id"] for persona in personas] == ["p01"]
    assert personas[0]["budget"] == 0 and personas[0]["residence"] == "US"


@pytest.mark.parametrize(
    ("change", "message"),
    [
        (('goal = "career-switch"', 'goal = "fun"'), "goal must be one of"),
        (('residence = "US"', 'residence = "USA"'), "residence must be an ISO 3166-1 alpha-2 code"),
        (('budget = 0', 'budget = -1'), "budget must be >= 0"),
        (('budget = 0', 'salary = 1'), "unknown key 'salary'"),
        (('interests = "data analysis"', ''), "interests missing"),
    ],
)
def test_a_bad_persona_is_refused_naming_it(tmp_path, change, message):
    path = write(tmp_path, "personas.toml", PERSONA.replace(*change))
    with pytest.raises(LabelError, match=message) as error:
        load_personas(path)
    assert "persona 1 (p01)" in str(error.value)


def test_a_persona_id_used_twice_is_refused(tmp_path):
    path = write(tmp_path, "personas.toml", PERSONA + PERSONA)
    with pytest.raises(LabelError, match="'p01' used twice"):
        load_personas(path)


RELEVANCE = """
source,source_id,title,provider,credential,excerpt,relevant,reason,reader
udemy-catalog,1236468,Complete Hypnotherapy,Dr Karen E Wells,,Lifestyle,0,off-topic: lifestyle,A
ds-colleges,http://example.edu/ds#data-science/b/x,Data Science,X University,B,,1,data science degree,A
edx-catalog,https://www.edx.org/course/x,Not yet read,edX,,,,,
"""


def test_relevance_labels_load_and_unlabelled_rows_are_skipped(tmp_path):
    labels = load_relevance(write(tmp_path, "relevance.csv", RELEVANCE))
    assert [(label.key.source, label.relevant) for label in labels] == [("udemy-catalog", False), ("ds-colleges", True)]
    assert labels[1].key.source_id == "http://example.edu/ds#data-science/b/x"


def test_a_relevance_label_other_than_0_or_1_is_refused_naming_the_line(tmp_path):
    path = write(tmp_path, "relevance.csv", RELEVANCE.replace(",0,off-topic", ",yes,off-topic"))
    with pytest.raises(LabelError, match=r"relevance.csv:2: relevant must be one of 0\|1, got 'yes'"):
        load_relevance(path)


def test_the_same_listing_labelled_twice_by_one_reader_is_refused(tmp_path):
    lines = RELEVANCE.strip().splitlines()
    path = write(tmp_path, "relevance.csv", "\n".join([*lines, lines[1]]) + "\n")
    with pytest.raises(LabelError, match="labelled twice by the same reader"):
        load_relevance(path)


def test_a_second_reader_may_label_the_same_listing(tmp_path):
    lines = RELEVANCE.strip().splitlines()
    second = lines[1].replace(",A", ",B")
    labels = load_relevance(write(tmp_path, "relevance.csv", "\n".join([*lines, second]) + "\n"))
    assert sorted(label.reader for label in labels) == ["A", "A", "B"]


def test_a_label_without_a_reader_is_refused(tmp_path):
    path = write(tmp_path, "relevance.csv", RELEVANCE.replace("data science degree,A", "data science degree,"))
    with pytest.raises(LabelError, match="relevance.csv:3: reader missing"):
        load_relevance(path)


def test_a_missing_column_is_named(tmp_path):
    path = write(tmp_path, "relevance.csv", RELEVANCE.replace(",reader", ",who"))
    with pytest.raises(LabelError, match="column 'reader' missing"):
        load_relevance(path)


DUPLICATES = """
band,score,source_a,source_id_a,source_b,source_id_b,same,reader,note
two_sources,100,coursera-catalog,google/x,classcentral,123,1,A,two sources
course_and_program,100,coursera-catalog,uoa/rl,coursera-catalog,uoa/rl-course,0,A,course in spec
"""


def test_duplicate_pairs_load_with_their_sides_in_a_stable_order(tmp_path):
    labels = load_duplicates(write(tmp_path, "duplicates.csv", DUPLICATES))
    assert [label.same for label in labels] == [True, False]
    assert (labels[0].a.source, labels[0].b.source) == ("classcentral", "coursera-catalog")


def test_a_pair_given_twice_in_either_order_is_a_repeat(tmp_path):
    swapped = "two_sources,100,classcentral,123,coursera-catalog,google/x,1,A,two sources\n"
    path = write(tmp_path, "duplicates.csv", DUPLICATES.lstrip() + swapped)
    with pytest.raises(LabelError, match="labelled twice"):
        load_duplicates(path)


def test_a_listing_paired_with_itself_is_refused(tmp_path):
    path = write(tmp_path, "duplicates.csv", DUPLICATES.replace("classcentral,123", "coursera-catalog,google/x"))
    with pytest.raises(LabelError, match="duplicates.csv:2: a pair of coursera-catalog google/x with itself"):
        load_duplicates(path)


JUDGEMENTS = """
persona_id,source,source_id,grade,reader,note
p01,coursera-catalog,google/google-data-analytics,3,A,free audit
p01,udemy-catalog,950390,0,A,budget
"""


def test_judgements_load_with_integer_grades(tmp_path):
    labels = load_judgements(write(tmp_path, "judgements.csv", JUDGEMENTS), {"p01"})
    assert [label.grade for label in labels] == [3, 0]


def test_a_grade_outside_0_to_3_is_refused_naming_the_line(tmp_path):
    path = write(tmp_path, "judgements.csv", JUDGEMENTS.replace(",0,A,budget", ",4,A,budget"))
    with pytest.raises(LabelError, match=r"judgements.csv:3: grade must be one of 0\|1\|2\|3, got '4'"):
        load_judgements(path, {"p01"})


def test_a_judgement_for_an_unknown_persona_is_refused(tmp_path):
    path = write(tmp_path, "judgements.csv", JUDGEMENTS.replace("p01,udemy", "p99,udemy"))
    with pytest.raises(LabelError, match="judgements.csv:3: unknown persona_id 'p99'"):
        load_judgements(path, {"p01"})


def test_a_missing_file_is_one_error_naming_it(tmp_path):
    with pytest.raises(LabelError, match="nothing.csv: cannot read it"):
        load_relevance(tmp_path / "nothing.csv")
