"""Programs from the official study portals of 16 European countries, collected in 2025
(MarcoBoso/An-App-for-StudyinEurope, Study_in_Europe/programs.csv).

Columns: Program_Title, Institution, Level, Link, Language, Country, ECTS, Free_Tuition_EU, latitude,
longitude. A missing value is the string ``NA``. What the rows hold, and what is done about it:
- Link is the program's page on most portals, but not on all: Turkey's, Sweden's and Slovenia's rows
  all carry one search or listing page, Wallonia's an institution page, some Spanish universities a
  list of their degrees. A link that the feed gives to more than one program (title and institution)
  is a listing, not a program's page: it stays the URL for now, marked ``url_is_listing`` and kept as
  ``listing_url`` (the catalogue makes a search link for such programs).
- Flanders and Luxembourg links are two URLs run together ("https://www.studyinflanders.behttps://
  www.vub.be/..."): the program's is the second. Some Spanish links are text ("No specific language
  requirements have been defined.", a title), a URL inside text, or a host without a scheme
  ("www.ehu.eus/lams"): the URL is taken out of the text, the scheme added, and text without one is
  no link. Each repair is named in ``link_repair``, the link as listed kept in ``link_listed``.
- Level is Master, Bachelor, PhD, Postgraduate, Diploma, Short-term, Other or NA, as each portal
  words it. Two portals say more than the column: Serbia's register (bazaobrazovanja.rs) lists every
  program as Other, but its program URLs name the study level ("...-bachelor-applied-road-traffic",
  "...-phd-biochemistry"), and the rest are secondary-school programmes (Gimnazija, Tehnička škola);
  Austria's "Diploma" (studienwahl.at) is the Diplomstudium, a master-level degree. The level as
  listed is kept in ``level_listed`` where it was read more closely.
- ECTS is the program's length in credits (60 are a full-time year); 0 is no length.
- Free_Tuition_EU says whether EU residents study tuition-free (kept as ``tuition_free_eu``).
- Lithuania's rows hold only Link and Language: yielded like every row (the cleaner refuses them for
  their missing title). Rows repeat word for word: each is yielded, marked ``repeated_row`` from the
  second on. The coordinates locate the institution or the country, not the program: left out.
The stable id is a hash of the link as listed, the title and the institution (never a row number).
"""

import hashlib
import re
from collections import defaultdict
from collections.abc import Iterator
from urllib.parse import urlsplit

from crawlers.items import ProgramItem
from crawlers.parsers.csv_feed import Dropped, FeedRow, csv_rows, program_item, table_records

SOURCE = "studyineurope"
REQUIRED_COLUMNS = (
    "Program_Title", "Institution", "Level", "Link", "Language", "Country", "ECTS", "Free_Tuition_EU",
)  # fmt: skip
MISSING = "NA"

_URL = re.compile(r"https?://.+?(?=https?://|[\s;]|$)")
_HOST_AND_PATH = re.compile(r"^(?:[\w-]+\.)+[a-z]{2,}(?:/\S*)?$", re.IGNORECASE)
_ECTS = re.compile(r"^\d+(?:[.,]\d+)?$")
_R_VECTOR = re.compile(r'^c\((.*)\)$')  # an R vector printed into a cell: c("A", "B")

SERBIAN_REGISTER = "bazaobrazovanja.rs"
# Study levels as the Serbian register's program URLs name them (typos included: "bachelorr-",
# "masteradvanced-"), and the level the cleaner knows them by. Integrated academic studies (medicine,
# pharmacy) end in a master's; specialist studies are a post-degree year of credits.
SERBIAN_LEVELS = (
    (re.compile(r"-bachelor"), "Bachelor"),
    (re.compile(r"-master"), "Master"),
    (re.compile(r"-(phd|doctoral|doktorsk)"), "PhD"),
    (re.compile(r"-integrated"), "Master"),
    (re.compile(r"-specialist"), "Postgraduate"),
)
SERBIAN_SECONDARY_SCHOOL = re.compile(r"gimnazij|skol|škol|srednj", re.IGNORECASE)
SECONDARY_SCHOOL = "Secondary school"
AUSTRIAN_PORTAL = "studienwahl.at"
AUSTRIAN_DIPLOMA = "Diplomstudium"


def parse_feed(body: bytes, feed_url: str, fetched_at: str) -> Iterator[ProgramItem | Dropped]:
    listing_links = links_of_several_programs(body)
    seen_rows: set[tuple] = set()
    for row in table_records(csv_rows(body), required_columns=REQUIRED_COLUMNS, title_column="Program_Title"):
        if isinstance(row, Dropped):
            yield row
        elif not any(cell(row, column) for column in row.values):
            yield Dropped("empty_row", f"line {row.line}: every cell is NA")
        else:
            identity = tuple(row.values.items())
            yield program_from_row(row, fetched_at, listing_links=listing_links, repeated=identity in seen_rows)
            seen_rows.add(identity)


def links_of_several_programs(body: bytes) -> frozenset[str]:
    """Program links the feed gives to more than one program: listing pages, not a program's own."""
    programs_of_link: dict[str, set[tuple]] = defaultdict(set)
    for row in table_records(csv_rows(body), required_columns=REQUIRED_COLUMNS, title_column="Program_Title"):
        if isinstance(row, FeedRow) and (url := program_link(cell(row, "Link"))[0]):
            programs_of_link[url].add((cell(row, "Program_Title"), cell(row, "Institution")))
    return frozenset(url for url, programs in programs_of_link.items() if len(programs) > 1)


def program_from_row(
    row: FeedRow, fetched_at: str, *, listing_links: frozenset[str] = frozenset(), repeated: bool = False
) -> ProgramItem:
    link = cell(row, "Link")
    url, link_repair = program_link(link)
    title, title_note = title_parts(cell(row, "Program_Title"))
    institution = institution_name(cell(row, "Institution"))
    level = cell(row, "Level")
    credential = credential_named(level, url, institution)
    is_listing = url in listing_links
    ects = cell(row, "ECTS")
    return program_item(
        source=SOURCE,
        source_id=stable_id(link, cell(row, "Program_Title"), cell(row, "Institution")),
        url=url,
        fetched_at=fetched_at,
        title=title,
        provider=institution,
        institution=institution,
        credential=credential,
        duration=f"{ects} ECTS" if ects and _ECTS.match(ects) and float(ects.replace(",", ".")) > 0 else None,
        language=cell(row, "Language"),
        country=cell(row, "Country"),
        extra={
            "ects": ects,
            "tuition_free_eu": cell(row, "Free_Tuition_EU"),
            "title_note": title_note,
            "level_listed": level if credential != level else None,
            "url_is_listing": True if is_listing else None,
            "listing_url": url if is_listing else None,
            "link_listed": link if link_repair else None,
            "link_repair": link_repair,
            "repeated_row": True if repeated else None,
        },
    )


def cell(row: FeedRow, column: str) -> str | None:
    value = row.get(column)
    return None if value == MISSING else value


def program_link(text: str | None) -> tuple[str | None, str | None]:
    """(the program's URL or None, the repair made to the text to get it, if any)."""
    if text is None:
        return None, None
    urls = _URL.findall(text)
    if len(urls) > 1 and text.startswith(urls[0] + urls[1]):
        return urls[1], "two URLs run together: the second is the program's"
    if urls:
        return urls[0], None if urls[0] == text else "URL inside text"
    if _HOST_AND_PATH.match(text):
        return f"https://{text}", "URL without a scheme"
    return None, "not a URL"


def title_parts(text: str | None) -> tuple[str | None, str | None]:
    """A multi-line title is the title and a note ("...ARTIFICIAL INTELLIGENCE\\n\\nInteruniversity...")."""
    if text is None:
        return None, None
    first, _, rest = text.partition("\n")
    return first.strip() or None, " ".join(rest.split()) or None


def institution_name(text: str | None) -> str | None:
    """Joint programs' institutions are an R vector (c("Tallinn University", "Estonian Academy Of
    Arts")): the names joined; a trailing comma ("University Of Ljubljana,") goes."""
    if text is None:
        return None
    if vector := _R_VECTOR.match(text):
        return "; ".join(name.strip().strip('"') for name in vector[1].split('",'))
    return text.rstrip(", ") or None


def credential_named(level: str | None, url: str | None, institution: str | None) -> str | None:
    """The level as the portal means it (see the module's docstring)."""
    host = urlsplit(url).netloc if url else ""
    if host.endswith(SERBIAN_REGISTER) and level == "Other":
        program = urlsplit(url).path.rsplit("/", 1)[-1]
        named = next((name for pattern, name in SERBIAN_LEVELS if pattern.search(program)), None)
        if named:
            return named
        if SERBIAN_SECONDARY_SCHOOL.search(f"{institution or ''} {program}"):
            return SECONDARY_SCHOOL
    if host.endswith(AUSTRIAN_PORTAL) and level == "Diploma":
        return AUSTRIAN_DIPLOMA
    return level


def stable_id(link: str | None, title: str | None, institution: str | None) -> str:
    key = "\x1f".join(part or "" for part in (link, title, institution))
    return "studyineurope:" + hashlib.sha256(key.encode("utf-8")).hexdigest()[:20]
