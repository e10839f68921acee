"""Coursera listing pages (search and browse) -> raw ``ProgramItem`` objects (source "coursera").

Each result card is read from three layers, most robust first, and merged by URL path:

1. structured: the JSON-LD ``ItemList`` (result URLs and their order);
2. embedded state: the Algolia hits in ``window.App`` (name, partners, product type, difficulty,
   rating, skills, language, learning hours...);
3. CSS: the rendered cards (``li.ais-InfiniteHits-item``), used for whatever the layers above lack.

The page's ``window.__APOLLO_STATE__`` also carries Coursera's degree and professional certificate
menus (degree name, partner university, language, domains): ``parse_site_menu_programs`` turns those
into items too, marked ``extra["listing"] = "site_menu"``.
"""

from __future__ import annotations

import re
from typing import Any
from urllib.parse import urljoin, urlsplit

from parsel import Selector

from crawlers.fetch_time import fetch_time
from crawlers.items import ProgramItem
from crawlers.parsers.structured import (
    item_list_entries,
    json_value_after,
    schema_objects,
    script_texts,
)

SOURCE = "coursera"
SITE = "https://www.coursera.org"

_HIGHLIGHT_TAG = re.compile(r"</?ais-highlight[^>]*>")
_NUMBER = re.compile(r"\d+(?:[.,]\d+)*")


# --- entry points -------------------------------------------------------------------------------


def parse_search_response(response) -> list[ProgramItem]:
    """Every program a fetched Coursera search page lists: result cards, then the site menus."""
    when = fetch_time(response)
    return parse_search_page(response.text, response.url, when) + parse_site_menu_programs(
        response.text, response.url, when
    )


def parse_search_page(html: str, url: str, fetched_at: str | None = None) -> list[ProgramItem]:
    """One item per search result card, in the page's order."""
    selector = Selector(text=html or "<html></html>")
    listed = _listed_paths(html, url)
    hits = _hits_by_path(selector)
    cards = _cards_by_path(selector, url)
    paths = list(dict.fromkeys([*listed, *cards, *hits]))
    return [
        _result_item(path, listed.get(path, {}), hits.get(path, {}), cards.get(path, {}), fetched_at)
        for path in paths
    ]


def parse_site_menu_programs(html: str, url: str, fetched_at: str | None = None) -> list[ProgramItem]:
    """Degrees and professional certificates from the Apollo state of Coursera's site menus."""
    state = _apollo_state(Selector(text=html or "<html></html>"))
    partners = _partner_names(state)
    degrees = [_degree_item(degree, partners, url, fetched_at) for degree in _typed_values(state, "DegreeListsV2_")]
    certificates = [_certificate_item(cert, url, fetched_at) for cert in _typed_values(state, "ProfessionalCertsV1")]
    return degrees + certificates


# --- layer 1: JSON-LD ItemList ------------------------------------------------------------------


def _listed_paths(html: str, page_url: str) -> dict[str, dict]:
    listed: dict[str, dict] = {}
    for item_list in schema_objects(html, page_url, types={"ItemList"}):
        for entry in item_list_entries(item_list):
            if entry["url"]:
                listed.setdefault(_path_of(entry["url"], page_url), entry)
    return listed


# --- layer 2: embedded Algolia hits -------------------------------------------------------------


def _hits_by_path(selector: Selector) -> dict[str, dict]:
    hits: dict[str, dict] = {}
    for script in script_texts(selector, "window.App"):
        app = json_value_after(script, "window.App")
        for hit in _algolia_hits(app):
            if isinstance(hit, dict) and hit.get("objectUrl"):
                hits.setdefault(_path_of(hit["objectUrl"], SITE), hit)
    return hits


def _algolia_hits(app: Any) -> list:
    stores = _dig(app, "context", "dispatcher", "stores") or {}
    results = _dig(stores, "AlgoliaResultsStateStore", "resultsState") or []
    hits: list = []
    for result in results if isinstance(results, list) else []:
        for raw in _dig(result, "content", "_rawResults") or []:
            hits.extend(_dig(raw, "hits") or [])
    return hits


# --- layer 3: rendered cards --------------------------------------------------------------------


def _cards_by_path(selector: Selector, page_url: str) -> dict[str, dict]:
    cards: dict[str, dict] = {}
    for card in selector.css("li.ais-InfiniteHits-item"):
        href = card.css("a[href]::attr(href)").get()
        if href:
            cards.setdefault(_path_of(href, page_url), _card_fields(card))
    return cards


def _card_fields(card: Selector) -> dict[str, Any]:
    return {
        "title": _clean(card.css("h2.card-title").xpath("string()").get()),
        "partner": _clean(card.css("span.partner-name").xpath("string()").get()),
        "product_type": _clean(card.css(".product-type-row").xpath("string()").get()),
        "difficulty": _clean(card.css("span.difficulty").xpath("string()").get()),
        "rating": _number(card.css("span.ratings-text").xpath("string()").get()),
        "rating_count": _number(card.css("span.ratings-count").xpath("string()").get()),
        "enrollment": _clean(card.css("span.enrollment-number").xpath("string()").get()),
    }


# --- merging the layers -------------------------------------------------------------------------


def _result_item(path: str, listed: dict, hit: dict, card: dict, when: str | None) -> ProgramItem:
    return ProgramItem(
        source=SOURCE,
        source_id=path,
        url=listed.get("url") or urljoin(SITE, path),
        fetched_at=when,
        title=_first_present(_clean(hit.get("name")), card.get("title")),
        provider=_first_present(_joined(hit.get("partners")), card.get("partner")),
        credential=_product_type_label(_first_present(hit.get("entityType"), card.get("product_type"))),
        level=_first_present(hit.get("productDifficultyLevel"), card.get("difficulty")),
        rating=_first_present(hit.get("avgProductRating"), card.get("rating")),
        rating_count=_first_present(hit.get("numProductRatings"), card.get("rating_count")),
        skills=hit.get("skills") or None,
        language=hit.get("language") or None,
        extra=_result_extra(listed, hit, card),
    )


def _result_extra(listed: dict, hit: dict, card: dict) -> dict[str, Any]:
    extra = {
        "found_in": [layer for layer, data in (("structured", listed), ("embedded", hit), ("css", card)) if data],
        "position": listed.get("position"),
        "object_id": hit.get("objectID"),
        "entity_type": _first_present(hit.get("entityType"), card.get("product_type")),
        "avg_learning_hours": hit.get("avgLearningHours"),
        "enrollments": _first_present(hit.get("enrollments"), card.get("enrollment")),
        "is_course_free": hit.get("isCourseFree"),
        "is_part_of_coursera_plus": hit.get("isPartOfCourseraPlus"),
        "language_codes": hit.get("allLanguageCodes") or None,
        "tagline": hit.get("tagline"),
        "description_snippet": _snippet(hit),
    }
    return {key: value for key, value in extra.items() if value not in (None, "", [])}


# --- Apollo state: site menu programs -----------------------------------------------------------


def _apollo_state(selector: Selector) -> dict:
    for script in script_texts(selector, "__APOLLO_STATE__"):
        state = json_value_after(script, "window.__APOLLO_STATE__")
        if isinstance(state, dict):
            return state
    return {}


def _partner_names(state: dict) -> dict[str, str]:
    return {
        str(value.get("id")): value["name"]
        for key, value in state.items()
        if key.startswith("PartnersV1:") and isinstance(value, dict) and value.get("name")
    }


def _typed_values(state: dict, typename_prefix: str) -> list[dict]:
    return [
        value
        for value in state.values()
        if isinstance(value, dict) and str(value.get("__typename", "")).startswith(typename_prefix)
        and value.get("slug") and value.get("name")
    ]


def _degree_item(degree: dict, partners: dict[str, str], page_url: str, when: str | None) -> ProgramItem:
    partner_ids = _json_field(degree.get("partnerIds"))
    path = f"/degrees/{degree['slug']}"
    extra = {
        "listing": "site_menu",
        "listed_on": page_url,
        "menu_name": degree.get("name"),
        "partner_ids": partner_ids,
        "catalog_status": degree.get("catalogAvailabilityStatus"),
    }
    return ProgramItem(
        source=SOURCE,
        source_id=path,
        url=urljoin(SITE, path),
        fetched_at=when,
        title=degree.get("marketingName") or degree["name"],
        provider=_joined([partners.get(str(pid)) for pid in partner_ids or []]),
        credential="Degree",
        language=degree.get("languageCode"),
        subject=_json_field(degree.get("domainIds")) or None,
        extra={key: value for key, value in extra.items() if value},
    )


def _certificate_item(cert: dict, page_url: str, when: str | None) -> ProgramItem:
    path = f"/professional-certificates/{cert['slug']}"
    extra = {"listing": "site_menu", "listed_on": page_url, "id": cert.get("id"), "tagline": cert.get("tagline")}
    return ProgramItem(
        source=SOURCE,
        source_id=path,
        url=urljoin(SITE, path),
        fetched_at=when,
        title=cert["name"],
        credential="Professional Certificate",
        extra={key: value for key, value in extra.items() if value},
    )


# --- small readers ------------------------------------------------------------------------------


def _path_of(url: str, base: str) -> str:
    """The path of a program URL (its source_id): "/learn/machine-learning"."""
    return urlsplit(urljoin(base, url)).path.rstrip("/") or "/"


def _product_type_label(value: str | None) -> str | None:
    """Coursera's product type codes ("PROFESSIONAL_CERTIFICATE") as the words they stand for."""
    if not value:
        return None
    return value.replace("_", " ").strip().title()


def _snippet(hit: dict) -> str | None:
    value = _dig(hit, "_snippetResult", "description", "value")
    return _clean(_HIGHLIGHT_TAG.sub("", value)) if isinstance(value, str) else None


def _json_field(value: Any) -> list:
    """Apollo wraps JSON scalars as {"type": "json", "json": [...]}."""
    if isinstance(value, dict):
        value = value.get("json")
    return value if isinstance(value, list) else []


def _dig(value: Any, *keys: str) -> Any:
    for key in keys:
        if not isinstance(value, dict):
            return None
        value = value.get(key)
    return value


def _joined(names: Any) -> str | None:
    if not isinstance(names, list):
        return None
    return ", ".join(str(name) for name in names if name) or None


def _number(text: str | None) -> str | None:
    match = _NUMBER.search(text or "")
    return match.group(0) if match else None


def _clean(text: Any) -> str | None:
    if not isinstance(text, str):
        return None
    text = " ".join(text.split())
    return text or None


def _first_present(*values: Any) -> Any:
    return next((value for value in values if value not in (None, "", [])), None)
