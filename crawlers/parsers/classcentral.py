"""Class Central pages -> raw ``ProgramItem`` objects (source "classcentral").

Three kinds of page: listings (subject, provider, institution, university and collection pages share
one markup), course pages and the report of MOOC-based degrees. The
captured pages had their visible text machine-translated to Hindi; attributes (``data-track-props``
JSON, ``aria-label``, ``content``, ``href``), microdata and schema.org JSON kept the original English.
So fields come from those, in this order: schema.org objects (JSON-LD, microdata), embedded JSON
(``data-track-props``, the analytics metadata), other attributes. Visible text is read only where
nothing else holds the fact and the text survived translation: review counts (digits) and the
report's table cells, whose translated parts are flagged in ``extra["translated"]``.
"""

from __future__ import annotations

import re
from typing import Any
from urllib.parse import parse_qs, urljoin, urlsplit

from parsel import Selector

from crawlers.fetch_time import fetch_time
from crawlers.items import ProgramItem
from crawlers.parsers.structured import (
    item_list_entries,
    json_value_after,
    load_json,
    offer_seller,
    schema_objects,
    schema_program_fields,
    script_texts,
)

SOURCE = "classcentral"
SITE = "https://www.classcentral.com"

# Links on captured pages were rewritten to relative ".html" files ("../course/x-1.html").
_SITE_PAGE = re.compile(
    r"/(?P<kind>course|classroom|subject|provider|university|institution|collection)/(?P<slug>[^/?#]+?)(?:\.html)?/?$"
)
LISTING_KINDS = frozenset({"subject", "provider", "university", "institution", "collection"})
_REPORT_PAGE = re.compile(r"/report/(?P<slug>[^/?#]+)(?:/(?:index\.html)?)?$")
_TRAILING_ID = re.compile(r"-(\d+)$")
_DEVANAGARI = re.compile(r"[\u0900-\u097F]")
_STARS = re.compile(r"^(\w+)( and a half)? out of five stars$", re.IGNORECASE)
_STAR_WORDS = {"zero": 0, "one": 1, "two": 2, "three": 3, "four": 4, "five": 5}
_INTEGER = re.compile(r"\d[\d,]*")
_LISTINGS = {"listing_click": "catalog", "curated_content_click": "curated"}  # data-track-click values


# --- entry points -------------------------------------------------------------------------------


def page_kind(url: str) -> str | None:
    """ "listing", "course", "report" or None for any other Class Central URL."""
    path = urlsplit(url).path
    if _REPORT_PAGE.search(path):
        return "report"
    match = _SITE_PAGE.search(path)
    if match and match["kind"] in LISTING_KINDS:
        return "listing"
    if match and match["kind"] == "course":
        return "course"
    return None


def parse_response(response) -> list[ProgramItem]:
    """The items of a fetched Class Central page, whatever its kind (none for other pages)."""
    return parse_page(response.text, response.url, fetch_time(response))


def parse_page(html: str, url: str, fetched_at: str | None = None) -> list[ProgramItem]:
    parser = {"listing": parse_listing_page, "course": parse_course_page, "report": parse_report_page}
    kind = page_kind(url)
    return parser[kind](html, url, fetched_at) if kind else []


def canonical_url(href: str, page_url: str) -> str:
    """The https://www.classcentral.com URL a (possibly rewritten, relative) link stands for."""
    absolute = urljoin(page_url, href.strip())
    path = urlsplit(absolute).path
    report = _REPORT_PAGE.search(path)
    if report:
        return f"{SITE}/report/{report['slug']}/"
    page = _SITE_PAGE.search(path)
    if page:
        return f"{SITE}/{page['kind']}/{page['slug']}"
    return absolute


def course_links(html: str, url: str) -> list[str]:
    """Canonical URLs of the course pages a listing links to, in page order, once each."""
    links = [canonical_url(anchor.attrib["href"], url) for anchor, _props in _course_anchors(_selector(html))]
    return list(dict.fromkeys(link for link in links if "/course/" in link and _is_http(link)))


def _is_http(url: str) -> bool:
    """Only web pages are followed: never javascript:, mailto:, data: or file: links a page holds."""
    return urlsplit(url).scheme in ("http", "https")


# --- listings: subject, provider, institution, university and collection pages -----------------


def parse_listing_page(html: str, url: str, fetched_at: str | None = None) -> list[ProgramItem]:
    """One item per course the listing shows (catalog list and curated picks, merged by URL)."""
    selector = _selector(html)
    positions = _listed_positions(html, url)
    subject = _page_subject(html, url) if _listing_kind(url) == "subject" else None
    courses: dict[str, dict] = {}
    for anchor, props in _course_anchors(selector):
        course_url = canonical_url(anchor.attrib["href"], url)
        entry = courses.setdefault(
            course_url, {"meta": props["clickMetadata"], "href": anchor.attrib["href"], "listings": [], "cards": []}
        )
        listing = _LISTINGS.get(anchor.attrib.get("data-track-click", ""), anchor.attrib.get("data-track-click"))
        if listing and listing not in entry["listings"]:
            entry["listings"].append(listing)
        card = anchor.xpath("ancestor::li[1]")
        if card and card[0].root not in [known.root for known in entry["cards"]]:
            entry["cards"].append(card[0])
    return [
        _listing_item(course_url, entry, positions.get(course_url), subject, url, fetched_at)
        for course_url, entry in courses.items()
    ]


def _course_anchors(selector: Selector) -> list[tuple[Selector, dict]]:
    anchors = []
    for anchor in selector.xpath("//a[@href][@data-track-props]"):
        props = load_json(anchor.attrib["data-track-props"])
        if isinstance(props, dict) and props.get("type") == "Course" and isinstance(props.get("clickMetadata"), dict):
            anchors.append((anchor, props))
    return anchors


def _listing_item(
    course_url: str, entry: dict, position: int | None, subject: str | None, page_url: str, when: str | None
) -> ProgramItem:
    meta, cards = entry["meta"], entry["cards"]
    class_central_id = _class_central_id(course_url, meta.get("courseId"))
    extra = {
        "class_central_id": class_central_id,
        "provider_course_id": meta.get("courseId") if not _is_integer(meta.get("courseId")) else None,
        "provider_id": meta.get("providerId"),
        "institution_id": meta.get("institutionId") or None,
        "position": position,
        "listings": entry["listings"],
        "raw_href": entry["href"],
        "next_session": _first_of(cards, _start_date),
        "pricing_icon": _first_of(cards, _pricing_icon),
        "badges": sorted({badge for card in cards for badge in _badges(card)}) or None,
        "listed_on": page_url,
        "listing_kind": _listing_kind(page_url),
    }
    return ProgramItem(
        source=SOURCE,
        source_id=class_central_id or _slug_of(course_url),
        url=course_url,
        fetched_at=when,
        title=_clean(meta.get("course")) or _first_of(cards, _lookup_name),
        provider=_clean(meta.get("provider")),
        institution=_clean(meta.get("institution")),
        subject=subject,
        rating=_first_of(cards, _star_rating),
        rating_count=_first_of(cards, _review_count),
        extra=_without_empty(extra),
    )


def _listed_positions(html: str, page_url: str) -> dict[str, int]:
    positions: dict[str, int] = {}
    for item_list in schema_objects(html, page_url, types={"ItemList"}):
        for entry in item_list_entries(item_list):
            if entry["url"] and entry["position"] is not None:
                positions.setdefault(canonical_url(entry["url"], page_url), entry["position"])
    return positions


def _listing_kind(page_url: str) -> str | None:
    match = _SITE_PAGE.search(urlsplit(page_url).path)
    return match["kind"] if match else None


def _page_subject(html: str, page_url: str) -> str | None:
    """The subject's English name: the last step of the page's breadcrumb, else its URL slug."""
    for breadcrumb in schema_objects(html, page_url, types={"BreadcrumbList"}):
        entries = item_list_entries(breadcrumb)
        if entries and entries[-1]["name"]:
            return entries[-1]["name"]
    match = _SITE_PAGE.search(urlsplit(page_url).path)
    return match["slug"] if match else None


def _star_rating(card: Selector) -> float | None:
    """The rating an ``aria-label`` such as "Four and a half out of five stars" spells out."""
    for label in card.xpath('.//*[@role="img"]/@aria-label').getall():
        match = _STARS.match(label.strip())
        if match and match[1].lower() in _STAR_WORDS:
            stars = _STAR_WORDS[match[1].lower()] + (0.5 if match[2] else 0)
            return stars or None  # "Zero out of five stars": not rated yet
    return None


def _review_count(card: Selector) -> int | None:
    # The only source is the text beside the stars ("380 समीक्षा"): its digits survive translation.
    text = card.xpath('.//*[@role="img"][contains(@aria-label, "stars")]/following-sibling::span[1]')
    match = _INTEGER.search(text.xpath("normalize-space()").get() or "")
    return int(match.group(0).replace(",", "")) if match else None


def _start_date(card: Selector) -> str | None:
    return card.xpath('.//*[@aria-label="Start date"]/@content').get()


def _pricing_icon(card: Selector) -> str | None:
    """The icon beside the (translated) price label: "icon-dollar-charcoal" marks a paid course."""
    icon = card.xpath('.//*[@aria-label="Pricing"]/preceding-sibling::i[1]/@class').get()
    return icon.split()[0] if icon else None


def _badges(card: Selector) -> list[str]:
    return [label for label in card.xpath(".//svg/@aria-label").getall() if label.strip()]


def _lookup_name(card: Selector) -> str | None:
    for name, value in card.attrib.items():
        if name.startswith("data-lookup-course-"):
            data = load_json(value)
            return _clean(data.get("name")) if isinstance(data, dict) else None
    return None


# --- course pages -------------------------------------------------------------------------------


def parse_course_page(html: str, url: str, fetched_at: str | None = None) -> list[ProgramItem]:
    """The course a course page describes: its schema.org ``Course``, completed by the analytics
    metadata (ids, subjects); nothing when the page has neither."""
    selector = _selector(html)
    course = next(iter(schema_objects(html, url, types={"Course"})), None)
    metadata = _analytics_metadata(selector)
    if course is None and not metadata:
        return []
    fields = schema_program_fields(course) if course else {}
    seller = offer_seller(course) if course else None
    page_url = canonical_url(url, url)
    class_central_id = _text(metadata.get("course_id")) or _class_central_id(page_url, None)
    extra = {
        "class_central_id": class_central_id,
        "course_type": metadata.get("course_type"),
        "sessions": _sessions(selector),
        "image": course.get("image") if course else None,
    }
    return [
        ProgramItem(
            source=SOURCE,
            source_id=class_central_id or _slug_of(page_url),
            url=page_url,
            fetched_at=fetched_at,
            title=fields.get("title") or _clean(metadata.get("course_name")),
            description=fields.get("description"),
            # schema.org's provider is the university; the platform is the seller of the offer.
            provider=seller or _clean(metadata.get("course_provider_name")) or fields.get("provider"),
            institution=", ".join(_names(metadata.get("course_institutions")))
            or (fields.get("provider") if seller else None),
            subject=_names(metadata.get("course_subjects")) or None,
            price=fields.get("price"),
            currency=fields.get("currency"),
            language=_clean(metadata.get("course_language")) or fields.get("language"),
            level=fields.get("level"),
            rating=fields.get("rating"),
            rating_count=fields.get("rating_count"),
            extra=_without_empty(extra),
        )
    ]


def _analytics_metadata(selector: Selector) -> dict:
    """The course metadata Class Central hands its analytics script (``globalProps.metadata``)."""
    for script in script_texts(selector, "globalProps"):
        props = json_value_after(script, "globalProps:")
        if isinstance(props, dict) and isinstance(props.get("metadata"), dict):
            return props["metadata"]
    return {}


def _sessions(selector: Selector) -> list[dict]:
    return [
        {"start": option.attrib.get("content"), "status": option.attrib.get("data-sessiontype")}
        for option in selector.xpath("//option[@data-sessionstartdate]")
    ]


# --- the report of MOOC-based degrees -----------------------------------------------------------

_COLUMN_LABELS = {  # header words, English and as the capture's Hindi translation renders them
    "degree": ("degree", "program", "डिग्री"),
    "university": ("university", "institution", "school", "विश्वविद्यालय"),
    "platform": ("platform", "provider", "प्लेटफ़ॉर्म", "प्लेटफार्म"),
    "cost": ("cost", "price", "tuition", "लागत"),
}
_PLATFORMS = {  # names in the university cell ("X through Coursera"), and their Hindi renderings
    "coursera": "Coursera",
    "कोर्सरा": "Coursera",
    "edx": "edX",
    "एडएक्स": "edX",
    "futurelearn": "FutureLearn",
    "भविष्य": "FutureLearn",  # "future": how the translator rendered "FutureLearn"
    "udacity": "Udacity",
}
_PLATFORM_HOSTS = {
    "coursera.org": "Coursera",
    "edx.org": "edX",
    "futurelearn.com": "FutureLearn",
    "udacity.com": "Udacity",
}
_VIA_PLATFORM = re.compile(r"\s+(?:through|by|via|on)\s+(?:Coursera|edX|FutureLearn|Udacity)\b.*$", re.IGNORECASE)
_ROW_MARKER = re.compile(r"^\s*\[([+-])\]\s*")
_LATIN_RUN = re.compile(r"[A-Za-zÀ-ÖØ-öø-ÿ][A-Za-zÀ-ÖØ-öø-ÿ.'’&\- ]*[A-Za-zÀ-ÖØ-öø-ÿ.]")
_ENGLISH_CREDENTIAL = re.compile(r"\b((?:Master|Bachelor)(?:'s)? of (?:[A-Z][\w]*)(?: [A-Z][\w]*)*)")
_CREDENTIAL_TOKENS = (  # slug or title words -> credential, most specific first
    (("pgdip",), "Postgraduate Diploma"),
    (("postgraduate", "diploma"), "Postgraduate Diploma"),
    (("pg", "cert"), "Postgraduate Certificate"),
    (("postgraduate", "certificate"), "Postgraduate Certificate"),
    (("graduate", "certificate"), "Graduate Certificate"),
    (("mba",), "MBA"),
    (("msc",), "MSc"),
    (("ms",), "MS"),
    (("ma",), "MA"),
    (("bsc",), "BSc"),
    (("ba",), "BA"),
    (("bachelor",), "Bachelor"),
    (("master",), "Master"),
    (("masters",), "Master"),
    (("maestría",), "Master"),
    (("maestria",), "Master"),
)
_CREDENTIAL_WORDS = frozenset(token for tokens, _label in _CREDENTIAL_TOKENS for token in tokens)
_SLUG_WORD_SPELLING = {
    **{word: word.upper() for word in ("mba", "ms", "ma", "ba", "pg", "it", "ai")},
    **{"msc": "MSc", "bsc": "BSc", "pgdip": "PGDip"},
    **{word: word for word in ("of", "in", "and", "for")},
}
_SLUG_NOISE = {"tuition-financing", "index.html"}


def parse_report_page(html: str, url: str, fetched_at: str | None = None) -> list[ProgramItem]:
    """One item per degree row of the report's tables (a row repeated verbatim counts once)."""
    selector = _selector(html)
    report = _REPORT_PAGE.search(urlsplit(url).path)
    report_slug = report["slug"] if report else _slug_of(url)
    context = {
        "report_slug": report_slug,
        "page_url": canonical_url(url, url),
        "report_title": selector.xpath('//meta[@property="og:title"]/@content').get(),
        "fetched_at": fetched_at,
    }
    items: dict[str, ProgramItem] = {}
    for table in selector.xpath("//table"):
        columns = _column_roles(table)
        if "degree" not in columns:
            continue
        section = table.xpath("preceding::h2[@id][1]/@id").get() or ""
        for row in table.xpath(".//tr[td]"):
            item = _degree_row_item(row, columns, section, context)
            if item is not None:
                items.setdefault(item["source_id"], item)
    return list(items.values())


def _column_roles(table: Selector) -> dict[str, int]:
    """Which column holds what, from the header row's words; the report's 3-column layout else."""
    header = table.xpath(".//tr[1]/*[self::td or self::th]")
    roles: dict[str, int] = {}
    for index, cell in enumerate(header):
        text = (cell.xpath("normalize-space()").get() or "").lower()
        for role, labels in _COLUMN_LABELS.items():
            if role not in roles and any(label in text for label in labels):
                roles[role] = index
                break
    if not roles and len(header) == 3 and table.xpath(".//tr[2]/td[1]//a[@href]"):
        roles = {"degree": 0, "university": 1, "cost": 2}
    return roles


def _degree_row_item(row: Selector, columns: dict[str, int], section: str, context: dict) -> ProgramItem | None:
    shown = _shown_degree_row(row, columns)
    if shown is None:
        return None
    link = _unwrapped_link(shown["href"], context["page_url"]) if shown["href"] else None
    institution_words, program_words = _link_slug_parts(link)
    title, title_from = _english_title(shown["title"], program_words)
    institution, institution_from = _institution(shown["university"], institution_words)
    credential, credential_from = _credential(shown["title"], program_words, section)
    key = "/".join(part for part in (context["report_slug"], section, _row_key(link, shown["title"])) if part)
    extra = {
        "section": section or None,
        "row_marker": shown["marker"],
        "raw_href": shown["href"],
        "title_as_shown": shown["title"] if title != shown["title"] else None,
        "institution_as_shown": shown["university"] if institution != shown["university"] else None,
        "title_from": title_from,
        "institution_from": institution_from,
        "credential_from": credential_from,
        "translated": [
            field
            for field, cell in (("title", "title"), ("institution", "university"), ("price", "cost"))
            if _DEVANAGARI.search(shown[cell] or "")
        ],
        "report": context["report_title"],
        "listed_on": context["page_url"],
    }
    return ProgramItem(
        source=SOURCE,
        source_id=key,
        url=link or context["page_url"],
        fetched_at=context["fetched_at"],
        title=title,
        provider=shown["platform"] or _platform(shown["university"], link),
        institution=institution,
        credential=credential,
        subject=_split_camel_case(section) or None,
        price=shown["cost"],
        delivery="online",  # the report lists online (MOOC-based) degrees only
        extra=_without_empty(extra),
    )


def _shown_degree_row(row: Selector, columns: dict[str, int]) -> dict | None:
    """The cells of a degree row as the page shows them (possibly translated), or None."""
    cells = row.xpath("./td")
    if _is_header_row(row) or len(cells) <= columns["degree"]:
        return None
    degree_cell = cells[columns["degree"]]
    text = _clean(degree_cell.xpath("normalize-space()").get()) or ""
    marker = _ROW_MARKER.match(text)  # "[+]" / "[-]" before some degree names
    title = _ROW_MARKER.sub("", text)
    if not title:
        return None
    return {
        "title": title,
        "marker": marker.group(0).strip() if marker else None,
        "href": degree_cell.xpath(".//a/@href").get(),
        "university": _cell_text(cells, columns.get("university")),
        "platform": _cell_text(cells, columns.get("platform")),
        "cost": _cell_text(cells, columns.get("cost")),
    }


def _is_header_row(row: Selector) -> bool:
    cells = row.xpath("./td")
    return bool(cells) and all(
        cell.xpath("normalize-space()").get() == cell.xpath("normalize-space(.//strong|.//b)").get() for cell in cells
    ) and not row.xpath(".//a[@href]")


def _cell_text(cells: list[Selector], index: int | None) -> str | None:
    if index is None or index >= len(cells):
        return None
    return _clean(cells[index].xpath("normalize-space()").get())


def _unwrapped_link(href: str, page_url: str) -> str:
    """The degree's own URL: affiliate redirects carry it in their ``murl`` parameter."""
    target = parse_qs(urlsplit(href).query).get("murl")
    return canonical_url(target[0] if target else href, page_url)


def _link_slug_parts(link: str | None) -> tuple[list[str], list[str]]:
    """The English words of a degree link's slug, as (institution words, program words).

    ".../course/georgia-tech-master-computer-science-20929" -> (georgia tech, master computer science);
    "futurelearn.com/degrees/coventry/ma-leadership" -> (coventry, ma leadership);
    "coursera.org/degrees/ms-finance-hse" -> ((), ms finance hse): no telling where a name starts.
    """
    if not link:
        return [], []
    parts = urlsplit(link)
    segments = [segment for segment in parts.path.split("/") if segment and segment not in _SLUG_NOISE]
    if "course" in segments and segments[-1] != "course":
        words = _words(_TRAILING_ID.sub("", segments[segments.index("course") + 1]))
        split = next((index for index, word in enumerate(words) if word in _CREDENTIAL_WORDS), 0)
        return words[:split], words[split:]
    if "degrees" in segments and (parts.hostname or "").endswith("futurelearn.com") and len(segments) >= 3:
        position = segments.index("degrees")
        return _words(segments[position + 1]), _words("-".join(segments[position + 2 :]))
    if "degrees" in segments and segments[-1] != "degrees":
        return [], _words(segments[segments.index("degrees") + 1])
    return [], _words(segments[-1]) if segments else []


def _words(slug: str) -> list[str]:
    return [word for word in slug.split("-") if word]


def _slug_text(words: list[str]) -> str:
    return " ".join(_SLUG_WORD_SPELLING.get(word, word.capitalize()) for word in words)


def _english_title(shown: str, program_words: list[str]) -> tuple[str, str]:
    if not _DEVANAGARI.search(shown) or not program_words:
        return shown, "cell"
    kept = [part for part in re.findall(r"\([^()]*\)", shown) if not _DEVANAGARI.search(part)]
    return " ".join([_slug_text(program_words), *kept]), "link_slug"  # "(OMSCS)" stayed English


def _institution(shown: str | None, institution_words: list[str]) -> tuple[str | None, str | None]:
    """The university: the cell when it kept its English, else the fuller of two partial English
    sources, the Latin-script part of the translated cell ("HEC") and the link slug ("Coventry University")."""
    if shown and not _DEVANAGARI.search(shown):
        return _VIA_PLATFORM.sub("", shown).strip() or None, "cell"
    runs = [run.strip() for run in _LATIN_RUN.findall(shown or "")]
    fragment = " ".join(run for run in runs if run.lower() not in _PLATFORMS and len(run) > 1)
    from_slug = _slug_text(institution_words)
    if from_slug and len(from_slug.split()) > len(fragment.split()):
        return from_slug, "link_slug"
    if fragment:
        return fragment, "cell_latin_fragment"
    return None, None


def _credential(shown: str, program_words: list[str], section: str) -> tuple[str, str]:
    if not _DEVANAGARI.search(shown):
        english = _ENGLISH_CREDENTIAL.search(shown)
        if english:
            return english.group(1).split(" in ")[0], "title"
        from_title = _credential_from_words(re.findall(r"\w+", shown.lower()))
        if from_title:
            return from_title, "title"
    from_slug = _credential_from_words(program_words)
    if from_slug:
        return from_slug, "link_slug"
    return ("Bachelor" if "bachelor" in section.lower() else "Master"), "section"


def _credential_from_words(words: list[str]) -> str | None:
    for tokens, label in _CREDENTIAL_TOKENS:
        size = len(tokens)
        if any(tuple(words[i : i + size]) == tokens for i in range(len(words) - size + 1)):
            return label
    return None


def _platform(shown_university: str | None, link: str | None) -> str | None:
    """The platform the university cell names ("... through Coursera"), else the link's host."""
    words = re.findall(r"[\w\u0900-\u097F]+", (shown_university or "").lower())
    named = next((_PLATFORMS[word] for word in words if word in _PLATFORMS), None)
    if named:
        return named
    host = urlsplit(link or "").hostname or ""
    return next((name for domain, name in _PLATFORM_HOSTS.items() if host.endswith(domain)), None)


def _row_key(link: str | None, shown_title: str) -> str:
    if not link:
        return re.sub(r"\s+", "-", shown_title.lower())
    parts = urlsplit(link)
    if parts.netloc.endswith("classcentral.com"):
        return _slug_of(link)
    return f"{parts.netloc.removeprefix('www.')}{parts.path.rstrip('/')}"


def _split_camel_case(name: str) -> str:
    return re.sub(r"(?<=[a-z])(?=[A-Z])|(?<=[A-Z])(?=[A-Z][a-z])", " ", name).strip()


# --- small readers ------------------------------------------------------------------------------


def _selector(html: str) -> Selector:
    return Selector(text=html or "<html></html>")


def _class_central_id(course_url: str, course_id: Any) -> str | None:
    if _is_integer(course_id):
        return str(course_id)
    match = _TRAILING_ID.search(_slug_of(course_url))
    return match.group(1) if match else None


def _slug_of(url: str) -> str:
    return urlsplit(url).path.rstrip("/").rsplit("/", 1)[-1]


def _is_integer(value: Any) -> bool:
    return isinstance(value, int) and not isinstance(value, bool) or (isinstance(value, str) and value.isdigit())


def _first_of(cards: list[Selector], reader) -> Any:
    return next((value for value in (reader(card) for card in cards) if value is not None), None)


def _names(entries: Any) -> list[str]:
    """The names of a list of {"name": ...} objects."""
    return [entry["name"] for entry in entries or [] if isinstance(entry, dict) and entry.get("name")]


def _without_empty(extra: dict) -> dict:
    return {key: value for key, value in extra.items() if value not in (None, "", [], {})}


def _text(value: Any) -> str | None:
    return None if value is None else (str(value).strip() or None)


def _clean(text: Any) -> str | None:
    if not isinstance(text, str):
        return None
    text = " ".join(text.split())
    return text or None
