"""Precision and recall of relevance and de-duplication against labels, on a small stored catalogue."""

import csv

import pytest

from evaluation.measure import measure, score
from pipeline.clean import clean
from pipeline.records import Program
from pipeline.store.db import make_engine, writer_session
from pipeline.store.migrate import upgrade_to_head
from pipeline.store.runs import open_run
from pipeline.store.upsert import store_programs, store_rejections
from tests.pipeline.test_clean import EDX_ITEM

RELEVANCE_COLUMNS = ["source", "source_id", "title", "provider", "credential", "excerpt", "relevant", "reason",
                     "reader"]
DUPLICATE_COLUMNS = ["band", "score", "source_a", "source_id_a", "source_b", "source_id_b", "same", "reader", "note"]
ML_COURSE = EDX_ITEM
SAME_COURSE_ELSEWHERE = {**EDX_ITEM, "source": "classcentral", "source_id": "course/ml-with-python"}
OTHER_ML_COURSE = {**EDX_ITEM, "source_id": "https://www.edx.org/course/deep-learning",
                   "url": "https://www.edx.org/course/deep-learning", "title": "Deep Learning Fundamentals"}
PIANO = {**EDX_ITEM, "source_id": "https://www.edx.org/course/piano", "url": "https://www.edx.org/course/piano",
         "title": "Learn Piano", "description": "Play the piano.", "subject": "Music"}


def write(path, columns, rows):
    path.parent.mkdir(parents=True, exist_ok=True)
    with path.open("w", newline="", encoding="utf-8") as file:
        writer = csv.DictWriter(file, columns, extrasaction="ignore")
        writer.writeheader()
        writer.writerows(rows)


@pytest.fixture
def catalogue(tmp_path):
    url = f"sqlite:///{tmp_path / 'catalogue.db'}"
    upgrade_to_head(url)
    engine = make_engine(url)
    for raw in (ML_COURSE, SAME_COURSE_ELSEWHERE, OTHER_ML_COURSE, PIANO):
        outcome = clean(raw)
        with writer_session(engine) as session:
            run = open_run(session, "run-1", raw["source"])
            if isinstance(outcome, Program):
                store_programs(session, run, [outcome])
            else:
                store_rejections(session, run, [outcome])
    yield engine
    engine.dispose()


def relevance_row(raw, relevant, reader="A"):
    return {"source": raw["source"], "source_id": raw["source_id"], "relevant": relevant, "reader": reader}


def test_relevance_counts_what_clean_keeps_against_the_labels(catalogue, tmp_path):
    # kept and relevant; kept but labelled not relevant (a false positive); refused but labelled relevant
    write(tmp_path / "labels" / "relevance.csv", RELEVANCE_COLUMNS, [
        relevance_row(ML_COURSE, "1"), relevance_row(OTHER_ML_COURSE, "0"), relevance_row(PIANO, "1"),
        {"source": "edx-catalog", "source_id": "never-crawled", "relevant": "1", "reader": "A"},
    ])
    write(tmp_path / "labels" / "second_pass" / "relevance_b.csv", RELEVANCE_COLUMNS,
          [relevance_row(ML_COURSE, "1", "B")])
    scores = measure("relevance", catalogue, tmp_path / "labels")
    everything = scores["all"]
    assert (everything.true_positives, everything.false_positives, everything.false_negatives) == (1, 1, 1)
    assert (everything.precision, everything.recall, everything.unjudged) == (0.5, 0.5, 1)
    held_out = scores["held out (second reader's items)"]
    assert (held_out.judged, held_out.precision, held_out.recall) == (1, 1.0, 1.0)


def test_duplicates_are_the_same_when_both_listings_point_at_one_program(catalogue, tmp_path):
    def pair(a, b, same):
        return {"band": "x", "score": "90", "source_a": a["source"], "source_id_a": a["source_id"],
                "source_b": b["source"], "source_id_b": b["source_id"], "same": same, "reader": "A"}

    write(tmp_path / "labels" / "duplicates.csv", DUPLICATE_COLUMNS, [
        pair(ML_COURSE, SAME_COURSE_ELSEWHERE, "1"),  # merged: a true positive
        pair(ML_COURSE, OTHER_ML_COURSE, "1"),  # kept apart though labelled the same: a false negative
        pair(ML_COURSE, PIANO, "0"),  # piano was refused: cannot be judged
    ])
    scores = measure("duplicates", catalogue, tmp_path / "labels")["all"]
    assert (scores.true_positives, scores.false_positives, scores.false_negatives) == (1, 0, 1)
    assert (scores.precision, scores.recall, scores.unjudged) == (1.0, 0.5, 1)


def test_no_predictions_give_no_figure_rather_than_zero():
    assert score([(True, None)]).precision is None
