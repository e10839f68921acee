"""Which stored program a new listing belongs to, in the order of how sure we can be:

1. the listing was stored before (same source and source id): the program it went to then;
2. the same key (credential, transliterated title, school or provider: pipeline/dedupe.py);
3. the same page with the same credential, from another source (a program's own URL, as two sources
   give it; a school's page shared by its bachelor's and master's does not merge them);
4. the same title and credential from another source, offered by the same school written another way
   ("The University of California, San Diego"; "University of London" and its "International
   Programmes"; not in another country), or on the same platform where one listing names only the
   platform;
5. a near-identical title (rapidfuzz) with the same credential and school, from another source, unless
   the two differ in a part number ("Part 1", "Part 2").

Titles are compared without a trailing name of their credential ("... Specialization").

Listings of one source with different ids are different programs by that source's own account, so
steps 3 to 5 never join a listing to a program its own source already lists.
"""

from collections import defaultdict
from dataclasses import dataclass, field
from urllib.parse import parse_qsl, urlencode, urlsplit

from rapidfuzz import fuzz, process
from sqlalchemy import select
from sqlalchemy.orm import Session

from crawlers.registry import SOURCES
from pipeline.dedupe import (
    NEAR_DUPLICATE_SCORE,
    dedupe_key,
    fold,
    folded_title,
    numerals,
    offered_by,
    title_similarity,
    title_words,
)
from pipeline.normalize.link import is_home_page
from pipeline.normalize.sources import ONLINE_PLATFORMS
from pipeline.records import Program
from pipeline.store.schema import Program as ProgramRow
from pipeline.store.schema import SourceRecord

TRACKING_PARAMETERS = ("utm_", "ref", "source", "campaign")
PLATFORMS = frozenset(ONLINE_PLATFORMS)  # folded platform names
LISTING_FIELDS = ("credential", "title", "institution", "provider", "country", "url", "url_kind")
SAME_SCHOOL_SCORE = 90  # rapidfuzz token_sort_ratio of two folded school names written differently
SAME_WORD_SCORE = 75  # rapidfuzz ratio of one word spelt two ways ("universidad", "university")
STEM_LENGTH = 4  # letters a word and its other spelling begin with alike
ABBREVIATION_LENGTH = 3  # a word this short in one name only is an abbreviation ("DTU"), not another school
LINKING_WORDS = frozenset({"of", "the", "at", "in", "and", "for"})  # a school's name with or without them


@dataclass
class Facts:
    """What the index knows of one program: who offers it, on which platforms, listed by which sources."""

    offered_by: str
    platforms: set[str] = field(default_factory=set)
    sources: set[str] = field(default_factory=set)
    countries: set[str] = field(default_factory=set)  # where its listings say it is taught


@dataclass
class CatalogueIndex:
    """Stored programs by everything a listing may share with them. A program inserted in the current
    chunk is known under a provisional negative id until `settle` replaces it everywhere by its real
    one: the next chunk numbers its new programs from -1 again, so no provisional id may outlive its
    chunk (it would join the next chunk's first new program to this chunk's)."""

    by_record: dict[tuple[str, str], int] = field(default_factory=dict)
    by_key: dict[str, int] = field(default_factory=dict)
    by_page: dict[tuple[str, str], int] = field(default_factory=dict)
    by_title: dict[tuple[str, str], list[int]] = field(default_factory=lambda: defaultdict(list))
    by_school: dict[tuple[str, str], dict[int, str]] = field(default_factory=lambda: defaultdict(dict))
    facts: dict[int, Facts] = field(default_factory=dict)
    unsettled: list[Program] = field(default_factory=list)  # listings indexed under a provisional id

    @classmethod
    def load(cls, session: Session) -> "CatalogueIndex":
        """The stored programs, each known by every one of its listings (title, school, page), as the
        listings stored in this run are: whether a listing joins a program then does not depend on
        whether its sources were stored in one run or in two."""
        index = cls()
        for program_id, key in session.execute(select(ProgramRow.id, ProgramRow.dedupe_key)):
            index.by_key[key] = program_id
        listings = select(SourceRecord.program_id, SourceRecord.source, SourceRecord.source_id,
                          *(SourceRecord.values[name].as_string() for name in LISTING_FIELDS))  # text: no JSON decoding
        for program_id, source, source_id, *values in session.execute(listings.order_by(SourceRecord.id)):
            index.by_record[source, source_id] = program_id
            listing = dict(zip(LISTING_FIELDS, (_text(value) for value in values), strict=True))
            credential = listing["credential"] or ""
            if listing["url_kind"] == "page" and listing["url"]:
                index.by_page.setdefault((credential, page_of(listing["url"])), program_id)
            index._add_program(program_id, credential, title_words(listing["title"], credential),
                               fold(listing["institution"] or listing["provider"]), fold(listing["provider"]),
                               {source}, listing["country"])
        return index

    def program_of(self, program: Program) -> int | None:
        """The program this listing belongs to (maybe provisional), or None for a new program."""
        found = (
            self.by_record.get((program.source, program.source_id))
            or self.by_key.get(dedupe_key(program))
            or self._same_page(program)
            or self._same_title_elsewhere(program)
            or self._near_duplicate(program)
        )
        return found or None

    def add(self, program: Program, ref: int) -> None:
        """Index a listing under its program's id (negative: provisional, see `settle`)."""
        self.by_record[program.source, program.source_id] = ref
        self.by_key.setdefault(dedupe_key(program), ref)
        if program.url_kind == "page":
            self.by_page.setdefault((program.credential, page_of(program.url)), ref)
        self._add_program(ref, program.credential, folded_title(program), offered_by(program),
                          fold(program.provider), {program.source}, program.country)
        if ref < 0:
            self.unsettled.append(program)

    def settle(self, real_ids: dict[int, int]) -> None:
        """Replace the chunk's provisional ids by the programs' ids in the database."""
        def real(ref: int) -> int:
            return real_ids.get(ref, ref)

        for program in self.unsettled:
            record, key = (program.source, program.source_id), dedupe_key(program)
            self.by_record[record] = real(self.by_record[record])
            self.by_key[key] = real(self.by_key[key])
            if (page := (program.credential, page_of(program.url))) in self.by_page:
                self.by_page[page] = real(self.by_page[page])
            title = (program.credential, folded_title(program))
            self.by_title[title] = [real(ref) for ref in self.by_title[title]]
            school = (program.credential, offered_by(program))
            self.by_school[school] = {real(ref): name for ref, name in self.by_school[school].items()}
        for ref, real_id in real_ids.items():
            moved = self.facts.pop(ref)
            if (facts := self.facts.get(real_id)) is None:  # another writer may have stored it meanwhile
                self.facts[real_id] = moved
            else:
                facts.sources |= moved.sources
                facts.platforms |= moved.platforms
                facts.countries |= moved.countries
        self.unsettled.clear()

    def _add_program(self, ref: int, credential: str, title: str, school: str, provider: str,
                     sources: set[str], country: str | None) -> None:
        facts = self.facts.setdefault(ref, Facts(offered_by=school))
        facts.sources |= sources
        facts.countries |= {country} - {None}
        facts.platforms |= {platform for source in sources if (platform := _platform_of_source(source))}
        if provider in PLATFORMS:
            facts.platforms.add(provider)
        if ref not in self.by_title[credential, title]:
            self.by_title[credential, title].append(ref)
        self.by_school[credential, school].setdefault(ref, title)

    def _same_page(self, program: Program) -> int | None:
        if program.url_kind != "page" or is_home_page(program.url):
            return None
        ref = self.by_page.get((program.credential, page_of(program.url)))
        return ref if ref is not None and program.source not in self.facts[ref].sources else None

    def _same_title_elsewhere(self, program: Program) -> int | None:
        school = offered_by(program)
        platforms = {fold(program.provider)} & PLATFORMS | {_platform_of_source(program.source)} - {None}
        for ref in self.by_title.get((program.credential, folded_title(program)), ()):
            facts = self.facts[ref]
            if program.source in facts.sources:
                continue
            if _taught_by(program, school, facts) or (
                (school in PLATFORMS or facts.offered_by in PLATFORMS) and platforms & facts.platforms
            ):
                return ref
        return None

    def _near_duplicate(self, program: Program) -> int | None:
        # rapidfuzz scores every title of the school (in C); only the few above the cutoff are checked
        # for their sources in Python. Filtering all titles first was quadratic for a school or platform
        # with thousands of programs. max() keeps the first of equal scores, as extractOne does.
        title = folded_title(program)
        titles = self.by_school.get((program.credential, offered_by(program)), {})
        matches = [(score, ref) for other, score, ref in process.extract_iter(
            title, titles, scorer=title_similarity, score_cutoff=NEAR_DUPLICATE_SCORE)
            if program.source not in self.facts[ref].sources and numerals(other) == numerals(title)]  # fmt: skip
        return max(matches, key=lambda match: match[0])[1] if matches else None


def same_school(first: str, second: str) -> bool:
    """Two folded school names for one school: written alike, or one the start of the other ("purdue
    university main campus", "university of london international programmes"). A name inside another
    is not enough: "university of barcelona" is not the "autonomous university of barcelona"."""
    if not first or not second:
        return False
    shorter, longer = sorted((first.removeprefix("the ").split(), second.removeprefix("the ").split()), key=len)
    if len(shorter) >= 2 and longer[:len(shorter)] == shorter:
        return True
    return fuzz.token_sort_ratio(first, second) >= SAME_SCHOOL_SCORE and not _naming_words_clash(first, second)


def _naming_words_clash(first: str, second: str) -> bool:
    """A word of one name that the other lacks, neither spelt another way there ("universidad",
    "university") nor an abbreviation ("dtu", "nhh"): "kiel university of applied sciences" and
    "fulda university of applied sciences", "city university london" and "university of london" are
    two schools however alike their names."""
    words_first, words_second = set(first.split()), set(second.split())
    return any(
        len(word) > ABBREVIATION_LENGTH and not any(_spelt_alike(word, other) for other in others - words)
        for words, others in ((words_first, words_second), (words_second, words_first))
        for word in words - others - LINKING_WORDS
    )


def _spelt_alike(word: str, other: str) -> bool:
    """One word in two languages or spellings: the same stem and most letters ("universidad", "university";
    not "salzburg", "augsburg")."""
    return word[:STEM_LENGTH] == other[:STEM_LENGTH] and fuzz.ratio(word, other) >= SAME_WORD_SCORE


def _text(value: object) -> str | None:
    """A JSON value read back from a listing's values: a string, or None."""
    return value if isinstance(value, str) and value else None


def _taught_by(program: Program, school: str, facts: Facts) -> bool:
    """The listing's school is the program's: named alike, and where named differently, not in another
    country ("York University" in Toronto and the "University of York" fold alike)."""
    if school == facts.offered_by:
        return bool(school)
    elsewhere = bool(program.country and facts.countries) and program.country not in facts.countries
    return same_school(school, facts.offered_by) and not elsewhere


def page_of(url: str) -> str:
    """A URL compared as a page: no scheme, 'www.', fragment, trailing slash or tracking parameters."""
    parts = urlsplit(url)
    query = urlencode([(name, value) for name, value in parse_qsl(parts.query)
                       if not name.lower().startswith(TRACKING_PARAMETERS)])
    host = (parts.hostname or "").removeprefix("www.")
    return f"{host}{parts.path.rstrip('/')}" + (f"?{query}" if query else "")


def _platform_of_source(source: str) -> str | None:
    declared = SOURCES.get(source)
    return fold(declared.platform) if declared and declared.platform else None
