"""Samplers: stratified relevance draws, duplicate bands, and blind pools, all the same for the same seed."""

import csv

from evaluation import duplicate_pairs, pools, relevance_sample, sample
from evaluation.duplicate_pairs import Listing, band, in_english
from pipeline.dedupe import fold


def items(source, count, **fields):
    return [{"source": source, "source_id": f"{source}-{i}", "title": f"Course {i} of {source}", **fields}
            for i in range(count)]


def test_every_source_gets_its_minimum_and_the_large_ones_get_more():
    counts = relevance_sample.allocate({"udemy-catalog": 16429, "coursera": 48, "ds-colleges": 632, "tiny": 4}, 300)
    assert sum(counts.values()) == 300
    assert counts["tiny"] == 4  # all it has
    assert counts["coursera"] >= 15 and counts["ds-colleges"] >= 15
    assert counts["udemy-catalog"] > counts["ds-colleges"] > counts["coursera"]


def test_the_relevance_draw_is_the_same_for_the_same_seed_and_another_for_another():
    feeds = {"udemy-catalog": items("udemy-catalog", 500), "coursera": items("coursera", 40)}
    first = relevance_sample.draw(feeds, 60, seed=7)
    assert first == relevance_sample.draw(feeds, 60, seed=7)
    assert first != relevance_sample.draw(feeds, 60, seed=8)
    assert {row["source"] for row in first} == {"udemy-catalog", "coursera"}
    assert all(row["relevant"] == "" and row["reader"] == "" for row in first)


def test_the_excerpt_joins_subject_skills_and_description():
    item = {"subject": ["Development", "Data Science"], "skills": "Python, OpenCV", "description": "Track objects."}
    assert relevance_sample.excerpt(item) == "Development, Data Science | Python, OpenCV | Track objects."


def listing(source, source_id, title, offered_by, credential=""):
    folded = fold(title)
    return Listing(source, source_id, title, offered_by, credential, folded, in_english(folded))


def test_bands_tell_the_kinds_of_pair_apart():
    spec = listing("coursera-catalog", "a", "Reinforcement Learning", "University of Alberta", "Specialization")
    alberta = "University of Alberta"
    course = listing("coursera-catalog", "b", "Fundamentals of Reinforcement Learning", alberta, "Course")
    assert band(spec, course)[0] == "course_and_program"
    spanish = listing("studyineurope", "c", "Máster en Ciencia de Datos", "Universidad de Barcelona", "Master")
    english = listing("mastersportal", "d", "Master in Data Science", "Universidad de Barcelona", "Master")
    assert band(spanish, english)[0] == "translation"
    other_school = listing("mastersportal", "e", "Master in Data Science", "Lund University", "Master")
    assert band(english, other_school)[0] == "same_title_other_school"
    on_edx = listing("edx-catalog", "f", "Mining Massive Datasets", "Stanford University")
    on_classcentral = listing("classcentral", "g", "Mining Massive Datasets", "Stanford University")
    assert band(on_edx, on_classcentral)[0] == "two_sources"
    part_one = listing("udemy-catalog", "h", "Getting Design Right, Part 1 of 6", "Merit Career Development")
    part_two = listing("udemy-catalog", "i", "Getting Design Right, Part 2 of 6", "Merit Career Development")
    assert band(part_one, part_two)[0] == "near_identical"


def test_duplicate_candidates_pair_the_same_course_across_sources():
    mmds = {"title": "Mining Massive Datasets", "institution": "Stanford University"}
    feeds = {
        "edx-catalog": [{"source_id": "edx-1", **mmds}, {"source_id": "edx-2", "title": "The Merchant of Venice"}],
        "classcentral": [{"source_id": "cc-9", **mmds}],
    }
    rows = duplicate_pairs.draw(feeds, seed=7)
    assert [(row["band"], row["source_id_a"], row["source_id_b"]) for row in rows] == [("two_sources", "cc-9", "edx-1")]
    assert rows == duplicate_pairs.draw(feeds, seed=7)


def program(i, **fields):
    row = {
        "source": "udemy-catalog", "source_id": str(i), "title": f"Program {i}", "provider": "P",
        "kind": "certification", "credential": "course", "delivery": "online", "pacing": "self_paced", "level": None,
        "language": "en",
        "country": None, "cost_usd": 20.0 + i, "cost_model": "one_time", "duration_weeks": 4.0,
        "effort_hours_per_week": None, "rating": None, "rating_count": None, "url": f"https://example.org/{i}",
        "description": "", "skills": "",
    }  # fmt: skip
    return row | fields


def catalogue(rows):
    return pools.Catalogue(rows, [f"{row['title']} {row['description']}" for row in rows])


def test_popularity_shrinks_a_rating_by_its_count():
    rows = [program(0, rating=5.0, rating_count=2), program(1, rating=4.7, rating_count=10_000),
            program(2, rating=3.9, rating_count=5000)]
    assert pools.popularity_ranker(catalogue(rows), {}, None)[:2] == [1, 0]


def test_cheapest_fitting_keeps_known_fits_only():
    rows = [
        program(0, cost_usd=500.0),  # over budget
        program(1, cost_usd=None),  # cost unknown
        program(2, cost_usd=0.0, credential="master", kind="degree"),  # needs a degree
        program(3, cost_usd=90.0, delivery="on_campus"),  # wrong delivery
        program(4, cost_usd=80.0),
        program(5, cost_usd=10.0, language="es"),  # wrong language
        program(6, cost_usd=30.0),
    ]
    persona = {"budget": 100, "delivery": "online", "has_degree": False, "language": "en", "hours_per_week": 5}
    assert pools.cheapest_fitting_ranker(catalogue(rows), persona, None) == [6, 4]


def test_text_match_ranks_the_listing_about_the_interests_first():
    rows = [program(0, title="Excel for accountants"), program(1, title="Reinforcement learning for game agents"),
            program(2, title="Watercolour painting")]
    assert pools.text_ranker(catalogue(rows), {"interests": "reinforcement learning"}, None)[0] == 1


def test_a_pool_is_blind_shuffled_and_the_same_for_the_same_seed():
    rows = [program(i, rating=3 + (i % 3) * 0.5, rating_count=i * 10, title=f"Course {i} on machine learning")
            for i in range(60)]
    persona = {"id": "p01", "budget": 100, "interests": "machine learning", "hours_per_week": 5}
    members, provenance = pools.pool(catalogue(rows), persona, seed=7)
    assert len(members) == pools.FROM_RANKERS + pools.RANDOM_EXTRA == len(set(members))
    assert (members, provenance) == pools.pool(catalogue(rows), persona, seed=7)
    assert {entry["ranker"] for entry in provenance} == {*pools.RANKERS, "random_extra"}
    proposed = {(entry["source"], entry["source_id"]) for entry in provenance}
    assert proposed == {(rows[i]["source"], rows[i]["source_id"]) for i in members}
    pool_rows = pools.pool_rows(catalogue(rows), persona, members)
    assert "ranker" not in pool_rows[0] and list(pool_rows[0]) == list(pools.POOL_COLUMNS)


def test_the_command_writes_a_csv_and_names_a_missing_staging_folder(tmp_path, capsys):
    staging = tmp_path / "home" / "staging" / "run-1"
    staging.mkdir(parents=True)
    (staging / "coursera.jsonl").write_text(
        '{"source": "coursera", "source_id": "/learn/ml", "title": "Machine Learning", "provider": "Stanford"}\n',
        encoding="utf-8")
    out = tmp_path / "relevance.csv"
    assert sample.main(["relevance", "--home", str(tmp_path / "home"), "--seed", "7", "--out", str(out)]) == 0
    with out.open(encoding="utf-8") as file:
        assert [row["source_id"] for row in csv.DictReader(file)] == ["/learn/ml"]
    assert sample.main(["relevance", "--home", str(tmp_path / "nowhere"), "--out", str(out)]) == 2
    assert "no staging folder" in capsys.readouterr().err
