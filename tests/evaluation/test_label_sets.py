"""The committed label sets load, name registered sources, and cover what the issue asks of them."""

from collections import Counter
from pathlib import Path

from crawlers.registry import SOURCES
from evaluation.labels import (
    SETS,
    item,
    load_duplicates,
    load_final,
    load_judgements,
    load_personas,
    load_readers,
    load_relevance,
)

LABELS = Path(__file__).resolve().parents[2] / "evaluation"


def test_the_personas_span_goals_budgets_hours_deliveries_and_degrees():
    personas = load_personas(LABELS / "personas.toml")
    assert len(personas) >= 40
    assert {persona["goal"] for persona in personas} == {"industry", "career-switch", "upskill", "research", "academia"}
    assert {persona.get("delivery", "any") for persona in personas} == {"online", "on-campus", "hybrid", "any"}
    budgets = [persona["budget"] for persona in personas if "budget" in persona]
    hours = [persona["hours_per_week"] for persona in personas]
    assert min(budgets) == 0 and max(budgets) >= 100_000
    assert min(hours) <= 2 and max(hours) >= 40
    assert {persona.get("has_degree") for persona in personas} >= {True, False}
    assert len({persona["residence"] for persona in personas}) >= 10


def test_relevance_labels_name_registered_sources_and_cover_each_labelled_source():
    labels = load_relevance(LABELS / "relevance.csv")
    per_source = Counter(label.key.source for label in labels)
    assert len(labels) >= 300
    assert set(per_source) <= set(SOURCES)
    assert min(per_source.values()) >= 15
    assert all(label.reason for label in labels)


def test_duplicate_labels_span_the_bands():
    labels = load_duplicates(LABELS / "duplicates.csv")
    assert len(labels) >= 100
    assert {label.a.source for label in labels} | {label.b.source for label in labels} <= set(SOURCES)
    bands = Counter(label.band for label in labels)
    assert {"near_identical", "same_title_other_school", "two_sources", "course_and_program"} <= set(bands)
    assert {True, False} == {label.same for label in labels}


def test_judgements_cover_every_persona_with_a_pool_of_about_25():
    personas = {persona["id"] for persona in load_personas(LABELS / "personas.toml")}
    judged = Counter(label.persona_id for label in load_judgements(LABELS / "judgements.csv", personas))
    assert set(judged) == personas
    assert all(20 <= count <= 30 for count in judged.values())


def test_a_second_reader_read_a_fifth_of_each_set_and_every_disagreement_is_resolved():
    personas = {persona["id"] for persona in load_personas(LABELS / "personas.toml")}
    for name in SETS:
        labels = load_readers(LABELS, name, personas)
        first = {item(label) for label in labels if label.reader == "A"}
        second = {item(label) for label in labels if label.reader == "B"}
        assert second <= first and len(second) >= 0.2 * len(first), name
        assert {item(label) for label in load_final(LABELS, name, personas)} == first, name
