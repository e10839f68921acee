"""The archive check: labels whose listing is no longer in the staging feeds or the database are listed."""

import json

import pytest

from evaluation import check
from evaluation.labels import Key
from pipeline.records import Rejection
from pipeline.store.db import make_engine, writer_session
from pipeline.store.migrate import upgrade_to_head
from pipeline.store.runs import open_run
from pipeline.store.upsert import store_programs, store_rejections
from tests.pipeline.test_store import EDX_COURSE

PERSONAS = """
[[persona]]
id = "p01"
story = "Data analyst upskilling into machine learning."
goal = "upskill"
interests = "machine learning"
residence = "GB"
"""


@pytest.fixture
def labels(tmp_path):
    """A label folder naming one kept edX course, one rejected Udemy course and one listing gone from the archive."""
    folder = tmp_path / "labels"
    folder.mkdir()
    (folder / "personas.toml").write_text(PERSONAS, encoding="utf-8")
    (folder / "relevance.csv").write_text(
        "source,source_id,relevant,reason,reader\n"
        f"edx-catalog,{EDX_COURSE.source_id},1,machine learning,A\n"
        "udemy-catalog,1236468,0,off-topic: hypnotherapy,A\n", encoding="utf-8")
    (folder / "duplicates.csv").write_text(
        "band,source_a,source_id_a,source_b,source_id_b,same,reader,note\n"
        f"two_sources,edx-catalog,{EDX_COURSE.source_id},classcentral,gone-123,1,A,two sources\n", encoding="utf-8")
    (folder / "judgements.csv").write_text(
        "persona_id,source,source_id,grade,reader,note\n"
        f"p01,edx-catalog,{EDX_COURSE.source_id},2,A,\n", encoding="utf-8")
    return folder


def test_feeds_know_every_item_the_spiders_yielded_in_the_newest_run(tmp_path, labels):
    staging = tmp_path / "home" / "staging" / "run-1"
    staging.mkdir(parents=True)
    items = [{"source": "edx-catalog", "source_id": EDX_COURSE.source_id}]
    (staging / "edx-catalog.jsonl").write_text("\n".join(json.dumps(item) for item in items), encoding="utf-8")
    (staging / "udemy-catalog.jsonl").write_text(json.dumps({"source": "udemy-catalog", "source_id": "1236468"}),
                                                 encoding="utf-8")
    known = check.known_from_feeds(tmp_path / "home" / "staging")
    missing = check.stale(check.labelled_keys(labels), known)
    assert missing == [("duplicates", Key("classcentral", "gone-123"))]


def test_the_database_knows_stored_and_rejected_listings(tmp_path, labels):
    url = f"sqlite:///{tmp_path / 'catalogue.db'}"
    upgrade_to_head(url)
    engine = make_engine(url)
    with writer_session(engine) as session:
        run = open_run(session, "run-1", "edx-catalog")
        store_programs(session, run, [EDX_COURSE])
        udemy = open_run(session, "run-1", "udemy-catalog")
        store_rejections(session, udemy, [Rejection("udemy-catalog", "not relevant", {"source_id": "1236468"})])
    known = check.known_from_db(engine)
    engine.dispose()
    assert Key("udemy-catalog", "1236468") in known
    assert check.stale(check.labelled_keys(labels), known) == [("duplicates", Key("classcentral", "gone-123"))]


def test_the_command_lists_stale_labels_on_stdout_and_exits_1(tmp_path, labels, capsys):
    staging = tmp_path / "home" / "staging" / "run-1"
    staging.mkdir(parents=True)
    (staging / "edx-catalog.jsonl").write_text(json.dumps({"source": "edx-catalog", "source_id": EDX_COURSE.source_id}),
                                               encoding="utf-8")
    code = check.main(["--home", str(tmp_path / "home"), "--labels", str(labels)])
    out, err = capsys.readouterr()
    assert code == 1
    assert out.splitlines() == ["relevance\tudemy-catalog\t1236468", "duplicates\tclasscentral\tgone-123"]
    assert "3 of 5 labelled listings found; 2 not" in err


def test_the_command_without_a_catalogue_says_what_to_do(tmp_path, labels, capsys):
    code = check.main(["--home", str(tmp_path / "empty"), "--labels", str(labels)])
    assert code == 2
    assert "no staging folder" in capsys.readouterr().err
