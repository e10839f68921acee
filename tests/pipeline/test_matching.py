"""Which program a listing belongs to, on real corpus records: the same program from several sources
merges, different programs (a course and its specialization, part 1 and part 2, two campuses' programs
stored in different chunks) stay apart."""

import dataclasses
from collections import defaultdict

import pytest
from sqlalchemy import text

from pipeline.clean import clean
from pipeline.records import Program
from pipeline.store.db import make_engine, writer_session
from pipeline.store.matching import CatalogueIndex
from pipeline.store.migrate import upgrade_to_head
from pipeline.store.runs import open_run
from pipeline.store.upsert import KeptIndex, merge_repeated_records, store_programs
from tests.conftest import corpus_path
from tests.pipeline.corpus_items import FEEDS, raw_items
from tests.pipeline.test_store import EDX_COURSE, store

SOURCES = ("coursera-catalog", "coursera-courses", "ds-colleges")


@pytest.fixture(scope="module")
def listings() -> dict[tuple[str, str], Program]:
    """The corpus's clean listings of these sources by (source, source_id), read once for the module."""
    found = {}
    for source in SOURCES:
        paths = tuple(corpus_path(file) for file, _parse, _url in FEEDS[source])
        programs, _count = merge_repeated_records(
            program for raw in raw_items(source, paths) if isinstance(program := clean(raw), Program))
        found |= {(program.source, program.source_id): program for program in programs}
    return found


def matched(first: Program, second: Program) -> bool:
    """Whether `second` joins the program `first` created, in an index holding only `first`."""
    index = CatalogueIndex()
    index.add(first, -1)
    return index.program_of(second) == -1


def test_a_specialization_named_with_and_without_its_credential_is_one_program(listings):
    nyu = "new-york-university/machine-learning-and-reinforcement-learning-in-finance"
    catalogue = listings["coursera-catalog", nyu]
    page = listings["coursera-courses", "https://www.coursera.org/specializations/machine-learning-reinforcement-finance"]
    assert (catalogue.title, page.title) == ("Machine Learning and Reinforcement Learning in Finance",
                                             "Machine Learning and Reinforcement Learning in Finance Specialization")
    assert matched(catalogue, page) and matched(page, catalogue)


def test_a_professional_certificate_named_with_and_without_its_credential_is_one_program(listings):
    catalogue = listings["coursera-catalog", "google/google-data-analytics"]
    page = listings["coursera-courses", "https://www.coursera.org/professional-certificates/google-data-analytics"]
    assert matched(catalogue, page) and matched(page, catalogue)


def test_a_course_and_the_specialization_of_the_same_name_stay_two_programs(listings):
    specialization = listings["coursera-courses", "https://www.coursera.org/specializations/supply-chain-analytics"]
    course = listings["coursera-courses", "https://www.coursera.org/learn/supply-chain-analytics"]
    other_source = dataclasses.replace(course, source="coursera-catalog", source_id="rutgers/supply-chain-analytics")
    assert (specialization.credential, course.credential) == ("specialization", "course")
    assert not matched(specialization, other_source) and not matched(other_source, specialization)


def test_part_one_and_part_two_of_a_course_stay_two_programs(listings):
    part_1 = listings["coursera-catalog", "eit-digital/security-and-privacy-for-big-data-part-1"]
    part_2 = listings["coursera-courses", "https://www.coursera.org/learn/security-privacy-big-data-protection"]
    assert part_2.title == "Security and Privacy for Big Data - Part 2"
    assert not matched(part_1, part_2) and not matched(part_2, part_1)


def test_new_programs_of_a_later_chunk_never_join_those_of_an_earlier_one(engine, listings, monkeypatch):
    # Each chunk numbers its new programs -1, -2, ...: the Data ScienceTech Institute's master's at its
    # second campus once joined the first new program of the previous chunk (a Quinnipiac master's).
    monkeypatch.setattr("pipeline.store.upsert.CHUNK_SIZE", 2)
    prefix = "https://www.datasciencetech.institute/msc-applied-big-data-engineering/#applied-msc-in-data-engineering/m/"
    first_chunk = [next(program for (source, _id), program in listings.items()
                        if source == "ds-colleges" and program.institution == school)
                   for school in ("Quinnipiac University", "Central Connecticut State University")]
    second_chunk = [listings["ds-colleges", prefix + "paris"], listings["ds-colleges", prefix + "nice"]]
    store(engine, "run-1", "ds-colleges", first_chunk + second_chunk)
    with engine.connect() as connection:
        listed = connection.execute(text(
            "SELECT p.institution, COUNT(*) FROM programs p JOIN source_records r ON r.program_id = p.id "
            "GROUP BY p.id, p.institution ORDER BY p.institution")).all()
    assert [tuple(row) for row in listed] == [
        ("Central Connecticut State University", 1), ("Data ScienceTech Institute", 2), ("Quinnipiac University", 1),
    ]


def test_schools_named_alike_in_two_countries_are_two_schools(listings):
    # The curated list's "Business Analytics" at York University (Toronto) is not Mastersportal's at
    # the University of York (GB), though the two names fold to the same words.
    york = next(program for (source, _id), program in listings.items() if source == "ds-colleges"
                and program.institution == "York University" and program.title == "Business Analytics")
    url = "https://www.mastersportal.com/studies/466158/business-analytics.html"
    in_england = dataclasses.replace(york, source="mastersportal", source_id=url, url=url, country="GB",
                                     institution="University of York", provider="University of York")
    assert york.country == "CA"
    assert not matched(york, in_england) and not matched(in_england, york)
    assert matched(york, dataclasses.replace(in_england, country="CA"))


def programs_stored(tmp_path, name: str, listings: dict, order: tuple[str, ...]) -> set[frozenset]:
    """Store the sources' listings one source after the other; the listings of each program."""
    url = f"sqlite:///{tmp_path / name}"
    upgrade_to_head(url)
    engine = make_engine(url)
    try:
        for source in order:
            store(engine, "run-1", source, [program for (listed, _id), program in listings.items() if listed == source])
        with engine.connect() as connection:
            rows = connection.execute(text("SELECT program_id, source, source_id FROM source_records")).all()
    finally:
        engine.dispose()
    programs = defaultdict(set)
    for program_id, source, source_id in rows:
        programs[program_id].add((source, source_id))
    return {frozenset(records) for records in programs.values()}


def test_the_programs_do_not_depend_on_which_source_is_stored_first(tmp_path, listings):
    coursera_first = programs_stored(tmp_path, "a.db", listings, ("coursera-catalog", "coursera-courses"))
    pages_first = programs_stored(tmp_path, "b.db", listings, ("coursera-courses", "coursera-catalog"))
    assert sum(len(records) > 1 and len({source for source, _id in records}) > 1 for records in coursera_first) > 100
    assert coursera_first == pages_first


def test_a_later_source_finds_a_program_by_any_of_its_listings_titles(engine):
    # Class Central names the edX course its own way and is trusted for titles, so the program shows
    # Class Central's title; a later source naming the course as edX does still finds it.
    classcentral = dataclasses.replace(EDX_COURSE, source="classcentral", source_id="11483",
                                       title="MITx 6.86x Machine Learning with Python")
    elsewhere = dataclasses.replace(EDX_COURSE, source="coursera-catalog", source_id="mit/machine-learning-python",
                                    url="https://www.coursera.org/search?query=ML", url_kind="search")
    store(engine, "run-1", "classcentral", [classcentral])
    store(engine, "run-1", "edx-catalog", [EDX_COURSE])
    store(engine, "run-1", "coursera-catalog", [elsewhere])
    with engine.connect() as connection:
        programs = connection.execute(text("SELECT title, source_count FROM program_catalog")).all()
    assert [tuple(row) for row in programs] == [("MITx 6.86x Machine Learning with Python", 3)]


def test_feeds_stored_with_a_kept_index_make_the_catalogue_a_fresh_index_for_each_makes(listings, tmp_path):
    """Feeds stored one after another under one writer share the index each store leaves (KeptIndex):
    they must merge as they do when each store loads the catalogue afresh."""
    feeds = defaultdict(list)
    for (source, _source_id), program in listings.items():
        feeds[source].append(program)
    catalogues = {}
    for name, kept in (("fresh", None), ("kept", KeptIndex())):
        url = f"sqlite:///{tmp_path / name}.db"
        upgrade_to_head(url)
        engine = make_engine(url)
        for source in SOURCES:
            with writer_session(engine) as session:
                store_programs(session, open_run(session, "run", source), feeds[source], kept)
        with engine.connect() as connection:
            catalogues[name] = connection.execute(text(
                "SELECT id, title, credential, provider, source_count, url FROM program_catalog ORDER BY id")).all()
        engine.dispose()
    assert catalogues["kept"] == catalogues["fresh"]
    assert sum(1 for row in catalogues["kept"] if row.source_count > 1) >= 20  # the two Coursera feeds overlap
