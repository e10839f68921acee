"""Structured data shared by every page parser: schema.org objects and embedded JSON.

``schema_objects`` finds schema.org objects (JSON-LD and microdata, through extruct; a broken block
is one warning line, never raised, and is appended to ``errors`` when the caller counts them) plus
JSON-LD left in a ``<script>`` without a type attribute, and returns the ones of the wanted types,
nested ones included. JSON-LD broken in the ways seen in the wild is repaired first where that is
cheap and safe (``repaired_json_ld``). ``item_list_entries`` flattens an ``ItemList``.
``schema_program_fields`` maps a ``Course`` / ``EducationalOccupationalProgram`` to raw item
fields. ``json_value_after`` and ``load_json`` read embedded JSON state safely.
Nothing here knows a particular site.
"""

from __future__ import annotations

import json
import logging
import re
from collections.abc import Iterable, Iterator
from functools import lru_cache
from typing import Any

import lxml.html
from lxml.etree import ParserError
from parsel import Selector

logger = logging.getLogger(__name__)

PROGRAM_TYPES = frozenset({"Course", "CourseInstance", "EducationalOccupationalProgram", "ItemList"})

_JSON_LD_SCRIPTS = '//script[@type="application/ld+json"]'
_UNTYPED_SCRIPTS = "//script[not(@type) and not(@src)]"
_WRAPPERS = re.compile(r"^\s*(?:<!--|(?://|/\*)?\s*<!\[CDATA\[\s*(?:\*/)?)|(?:-->|(?://|/\*)?\s*\]\]>\s*(?:\*/)?)\s*$")
_CONTROL_CHARACTERS = re.compile(r"[\x00-\x08\x0b\x0c\x0e-\x1f\x7f]")


# --- schema.org objects -------------------------------------------------------------------------


def schema_objects(
    html: str | bytes | Selector,
    base_url: str | None = None,
    types: Iterable[str] = PROGRAM_TYPES,
    errors: list[str] | None = None,
) -> list[dict]:
    """Every schema.org object of ``types`` on the page, in document order, nested ones included.

    A ``Course`` inside an ``ItemList`` (or a ``CourseInstance`` inside a ``Course``) is returned
    beside its container; use ``item_list_entries`` to read a list with its positions. Each
    structured-data block that could not be read is appended to ``errors`` when it is given.
    """
    documents, problems = _page_documents(html.get() if isinstance(html, Selector) else html, base_url)
    if errors is not None:
        errors.extend(problems)
    wanted = frozenset(types)
    return [obj for document in documents for obj in _objects_of_types(document, wanted)]


def broken_structured_data(html: str | bytes, base_url: str | None = None) -> int:
    """How many JSON-LD or microdata blocks of the page could not be read, even repaired."""
    return len(_page_documents(html, base_url)[1])


def repaired_json_ld(text: str) -> str:
    """JSON-LD text without what breaks it in the wild yet carries no data: an HTML comment or CDATA
    wrapper, trailing semicolons, control characters outside the JSON grammar."""
    text = _CONTROL_CHARACTERS.sub(" ", text).strip()
    previous = None
    while text != previous:
        previous = text
        text = _WRAPPERS.sub("", text).strip().rstrip(";").strip()
    return text


def item_list_entries(item_list: dict) -> list[dict]:
    """The elements of a schema.org ``ItemList`` as ``{"position", "url", "name", "item"}`` dicts.

    ``item`` is the listed object itself when the list nests one (a ``Course``...), else None.
    """
    elements = item_list.get("itemListElement") or []
    if isinstance(elements, dict):
        elements = [elements]
    entries = []
    for element in elements:
        if isinstance(element, str):  # a bare URL
            entries.append({"position": None, "url": element, "name": None, "item": None})
        elif isinstance(element, dict):
            entries.append(_list_entry(element))
    return entries


def schema_type_names(obj: dict) -> set[str]:
    """The ``@type`` of a schema.org object as short names ("Course"), whatever its spelling."""
    raw = obj.get("@type") or obj.get("type") or []
    names = raw if isinstance(raw, list) else [raw]
    return {str(name).rstrip("/").rsplit("/", 1)[-1].rsplit("#", 1)[-1] for name in names if name}


def schema_program_fields(obj: dict) -> dict[str, Any]:
    """Raw item fields read from a schema.org ``Course`` or ``EducationalOccupationalProgram``.

    ``provider`` is the schema's own provider (the organisation that publishes it); a site parser
    that knows better (platform vs university) rearranges. Fields the object lacks are left out.
    """
    offer = _first(obj.get("offers"))
    rating = _first(obj.get("aggregateRating"))
    instance = _first(obj.get("hasCourseInstance"))
    fields = {
        "title": _text(obj.get("name")),
        "description": _text(obj.get("description")),
        "url": _url_value(obj.get("url")),
        "provider": _name_of(obj.get("provider")),
        "credential": _name_of(obj.get("educationalCredentialAwarded")),
        "level": _text(obj.get("educationalLevel")),
        "language": _name_of(obj.get("inLanguage")),
        "duration": _text(obj.get("timeToComplete")),
        "subject": _name_of(obj.get("about")),
        "price": _text(offer.get("price")) if offer else None,
        "currency": _text(offer.get("priceCurrency")) if offer else None,
        "rating": _text(rating.get("ratingValue")) if rating else None,
        "rating_count": _text(rating.get("reviewCount") or rating.get("ratingCount")) if rating else None,
        "delivery": _text(instance.get("courseMode")) if instance else None,
        "effort": _text(instance.get("courseWorkload")) if instance else None,
    }
    return {name: value for name, value in fields.items() if value not in (None, "")}


def offer_seller(obj: dict) -> str | None:
    """The name of the organisation selling a schema.org object's (first) offer, if any."""
    offer = _first(obj.get("offers"))
    return _name_of(offer.get("seller")) if offer else None


# --- embedded JSON state ------------------------------------------------------------------------


def load_json(text: str | None) -> Any:
    """``text`` parsed as JSON, or None when it is empty or not JSON (never raises)."""
    if not text or not text.strip():
        return None
    try:
        return json.loads(text, strict=False)
    except ValueError:
        return None


def json_value_after(script: str, marker: str) -> Any:
    """The JSON object or array that follows ``marker`` in a script, or None.

    Reads assignments such as ``window.__APOLLO_STATE__ = {...};`` or an object literal property
    ``globalProps: {...}``: only the JSON value is decoded, whatever code follows it.
    """
    at = script.find(marker)
    if at < 0:
        return None
    start = _first_json_start(script, at + len(marker))
    if start is None:
        return None
    try:
        value, _end = json.JSONDecoder(strict=False).raw_decode(script, start)
    except ValueError:
        return None
    return value


def script_texts(selector: Selector, containing: str) -> list[str]:
    """The text of every inline script that contains ``containing``."""
    return [text for text in selector.xpath("//script[not(@src)]/text()").getall() if containing in text]


# --- fetch time ---------------------------------------------------------------------------------


# --- internals ----------------------------------------------------------------------------------


@lru_cache(maxsize=8)
def _page_documents(html: str | bytes, base_url: str | None) -> tuple[tuple, tuple[str, ...]]:
    """The page's JSON-LD and microdata documents, and its unreadable blocks. Cached: a parser asks
    several times of one page, and each broken block is warned about once. Read-only results."""
    errors: list[str] = []
    tree = _html_tree(html)
    if tree is None:
        return (), ()
    documents = _json_ld_documents(tree, errors) + _microdata_documents(tree, base_url, errors)
    return tuple(documents), tuple(errors)


def _html_tree(html: str | bytes | Selector):
    if isinstance(html, Selector):
        html = html.get()
    if isinstance(html, str):
        html = html.encode("utf-8")  # bytes: lxml refuses str that carries an encoding declaration
    if not html or not html.strip():
        return None
    try:
        return lxml.html.fromstring(html, parser=lxml.html.HTMLParser(encoding="utf-8"))
    except (ParserError, ValueError) as error:
        logger.warning("Cannot parse the page as HTML: %s", error)
        return None


def _json_ld_documents(tree, errors: list[str]) -> list[Any]:
    """JSON-LD from typed scripts (extruct) and from untyped scripts that hold JSON-LD."""
    for script in tree.xpath(_JSON_LD_SCRIPTS):
        # An empty typed script would make extruct drop every JSON-LD block of the page.
        if not script.text_content().strip():
            script.getparent().remove(script)
    import extruct  # here: every crawl process loads every spider module, and most read no pages

    try:
        documents = extruct.extract(tree, syntaxes=["json-ld"], errors="strict").get("json-ld", [])
    except Exception:  # extruct raises whatever its JSON readers raise
        # One broken script makes extruct give up on the whole page: read each script alone, repaired.
        documents = [doc for script in tree.xpath(_JSON_LD_SCRIPTS) for doc in _json_ld_in(script, errors, True)]
    untyped = [doc for script in tree.xpath(_UNTYPED_SCRIPTS) for doc in _json_ld_in(script, errors)]
    return list(documents) + untyped


def _json_ld_in(script, errors: list[str], typed: bool = False) -> list[Any]:
    text = repaired_json_ld(script.text_content())
    if not typed and (not text.startswith(("{", "[")) or '"@type"' not in text):
        return []  # ordinary JavaScript
    data = load_json(text)
    if data is None:
        logger.warning("Unreadable JSON-LD in a <script> (%d characters), skipped", len(text))
        errors.append("json-ld")
        return []
    return data if isinstance(data, list) else [data]


def _microdata_documents(tree, base_url: str | None, errors: list[str]) -> list[Any]:
    import extruct

    try:
        extracted = extruct.extract(tree, base_url=base_url, syntaxes=["microdata"], errors="strict", uniform=True)
    except Exception as error:  # extruct raises whatever its microdata reader raises
        logger.warning("Unreadable microdata, skipped: %s", str(error).splitlines()[0] if str(error) else error)
        errors.append("microdata")
        return []
    return extracted.get("microdata", [])


def _objects_of_types(node: Any, wanted: frozenset[str]) -> Iterator[dict]:
    if isinstance(node, list):
        for element in node:
            yield from _objects_of_types(element, wanted)
    elif isinstance(node, dict):
        if schema_type_names(node) & wanted:
            yield node
        for key, value in node.items():
            if key != "@context":
                yield from _objects_of_types(value, wanted)


def _list_entry(element: dict) -> dict:
    item = element.get("item")
    nested = item if isinstance(item, dict) else None
    if nested is None and not schema_type_names(element) & {"ListItem"} and schema_type_names(element):
        nested = element  # a list whose elements are the objects themselves
    url = element.get("url") or (item if isinstance(item, str) else None) or (nested or {}).get("url")
    name = element.get("name") or (nested or {}).get("name")
    return {"position": _position(element.get("position")), "url": _url_value(url), "name": _text(name), "item": nested}


def _position(value: Any) -> int | None:
    try:
        return int(value)
    except (TypeError, ValueError):
        return None


def _first(value: Any) -> dict | None:
    if isinstance(value, list):
        value = next((element for element in value if isinstance(element, dict)), None)
    return value if isinstance(value, dict) else None


def _name_of(value: Any) -> str | None:
    if isinstance(value, list):
        names = [_name_of(element) for element in value]
        return ", ".join(name for name in names if name) or None
    if isinstance(value, dict):
        return _text(value.get("name"))
    return _text(value)


def _url_value(value: Any) -> str | None:
    if isinstance(value, dict):
        value = value.get("@id") or value.get("url")
    return _text(value)


def _text(value: Any) -> str | None:
    if value is None or isinstance(value, (dict, list)):
        return None
    text = str(value).strip()
    return text or None


def _first_json_start(text: str, start: int) -> int | None:
    for index in range(start, min(len(text), start + 200)):
        if text[index] in "{[":
            return index
        if text[index] not in " \t\r\n=:":
            return None
    return None
