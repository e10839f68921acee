"""The second pass: every reader's files of a set load together, agreement reads them, and the final label
is the resolution where one exists, else the readers' common label."""

import shutil
from pathlib import Path

import pytest

from evaluation.agreement import report
from evaluation.labels import Key, LabelError, load_final, load_personas, load_readers

PERSONAS = Path(__file__).resolve().parents[2] / "evaluation" / "personas.toml"
HEADER = "source,source_id,title,provider,credential,excerpt,relevant,reason,reader\n"
FIRST = HEADER + "".join(f"udemy-catalog,{n},T{n},,,,{said},r,A\n" for n, said in ((1, 1), (2, 0), (3, 1), (4, 0)))
SECOND = HEADER + "".join(f"udemy-catalog,{n},T{n},,,,{said},r,B\n" for n, said in ((1, 1), (2, 0), (3, 0)))
RESOLUTIONS = "set,persona_id,source,source_id,source_b,source_id_b,label,note\n"


def folder(tmp_path, first=FIRST, second=SECOND, resolutions=None):
    (tmp_path / "second_pass").mkdir()
    shutil.copy(PERSONAS, tmp_path / "personas.toml")
    (tmp_path / "relevance.csv").write_text(first, encoding="utf-8")
    (tmp_path / "second_pass" / "relevance_b.csv").write_text(second, encoding="utf-8")
    (tmp_path / "duplicates.csv").write_text("band,source_a,source_id_a,source_b,source_id_b,same,reader,note\n")
    (tmp_path / "judgements.csv").write_text("persona_id,source,source_id,grade,reader,note\n")
    if resolutions is not None:
        (tmp_path / "second_pass" / "resolutions.csv").write_text(RESOLUTIONS + resolutions, encoding="utf-8")
    return tmp_path


def test_readers_of_a_set_load_from_the_first_file_and_the_second_pass(tmp_path):
    labels = load_readers(folder(tmp_path), "relevance")
    assert sorted((label.reader, label.key.source_id) for label in labels) == [
        ("A", "1"), ("A", "2"), ("A", "3"), ("A", "4"), ("B", "1"), ("B", "2"), ("B", "3")]


def test_agreement_reads_the_second_pass_files(tmp_path):
    result = report(folder(tmp_path), "A", "B")["relevance"]
    assert (result["items"], result["agreement"]) == (3, 0.667)
    assert result["disagreements"] == [str(Key("udemy-catalog", "3"))]
    assert report(tmp_path, "A", "B")["judgements"]["items"] == 0


def test_a_reader_labelling_one_item_in_two_files_is_refused(tmp_path):
    with pytest.raises(LabelError, match="labelled twice by the same reader"):
        load_readers(folder(tmp_path, second=FIRST), "relevance")


def test_an_unresolved_disagreement_is_refused_naming_the_item(tmp_path):
    with pytest.raises(LabelError, match=r"readers disagree on Key\(source='udemy-catalog', source_id='3'\)"):
        load_final(folder(tmp_path), "relevance")


def test_the_final_label_is_the_resolution_else_the_common_label(tmp_path):
    resolved = folder(tmp_path, resolutions="relevance,,udemy-catalog,3,,,0,B: a course on Excel basics\n")
    final = {label.key.source_id: (label.relevant, label.reader) for label in load_final(resolved, "relevance")}
    assert final == {"1": (True, "A"), "2": (False, "A"), "3": (False, "resolved"), "4": (False, "A")}


def test_a_resolution_overrides_a_label_only_one_reader_gave(tmp_path):
    rows = "relevance,,udemy-catalog,3,,,0,B\nrelevance,,udemy-catalog,4,,,1,applies the guide's new rule\n"
    final = load_final(folder(tmp_path, resolutions=rows), "relevance")
    assert {label.key.source_id: label.relevant for label in final}["4"] is True


@pytest.mark.parametrize(
    ("row", "message"),
    [
        ("relevance,,udemy-catalog,9,,,1,nobody read it\n", "resolution of .*'9'.* that no reader labelled"),
        ("relevance,,udemy-catalog,3,,,0,\n", "resolutions.csv:2: a resolution needs a note"),
        ("relevance,,udemy-catalog,3,,,maybe,unsure\n", "resolutions.csv:2: label must be one of 0\\|1"),
        ("judgements,p99,udemy-catalog,3,,,2,who\n", "resolutions.csv:2: unknown persona_id 'p99'"),
    ],
)
def test_a_bad_resolution_is_refused_naming_it(tmp_path, row, message):
    with pytest.raises(LabelError, match=message):
        personas = {persona["id"] for persona in load_personas(PERSONAS)}
        load_final(folder(tmp_path, resolutions=row), "relevance", personas)


def test_duplicate_and_grade_resolutions_settle_their_items(tmp_path):
    labels = folder(tmp_path, resolutions="duplicates,,s,2,s,1,1,two sources\njudgements,p01,s,1,,,3,squarely\n")
    (labels / "duplicates.csv").write_text("band,source_a,source_id_a,source_b,source_id_b,same,reader,note\n"
                                           "two_sources,s,1,s,2,0,A,\n")
    (labels / "second_pass" / "duplicates_b.csv").write_text(
        "band,source_a,source_id_a,source_b,source_id_b,same,reader,note\ntwo_sources,s,1,s,2,1,B,\n")
    (labels / "judgements.csv").write_text("persona_id,source,source_id,grade,reader,note\np01,s,1,2,A,\n")
    (labels / "second_pass" / "judgements_b.csv").write_text(
        "persona_id,source,source_id,grade,reader,note\np01,s,1,3,B,\n")
    personas = {"p01"}
    assert [(label.same, label.reader) for label in load_final(labels, "duplicates")] == [(True, "resolved")]
    assert [(label.grade, label.reader) for label in load_final(labels, "judgements", personas)] == [(3, "resolved")]
