"""A raw item (crawlers/items.py fields, as a dict) -> a clean Program, or a Rejection with its reason.

Validation happens in this order, and the first failure is the reason: missing source id, missing
title, a URL that is not http(s), unrecognised credential or one we do not list, off-topic, a negative
price, duration or effort, implausible yearly tuition, then the checks of pipeline/validate.py (ranges
of numbers, lengths).
Everything else is optional: a malformed value becomes None (unknown), never an exception and never a
guess. A listing without a page of its own (or whose URL is a dataset file) gets a search link
(pipeline/normalize/link.py).
"""

import json
import re
from dataclasses import dataclass
from pathlib import Path

from pipeline.normalize.cost import estimate_cost, implausible_tuition
from pipeline.normalize.country import normalize_country
from pipeline.normalize.credential import classify_credential, not_listed
from pipeline.normalize.dates import fetch_date
from pipeline.normalize.delivery import normalize_delivery
from pipeline.normalize.duration import ParsedDuration, parse_duration
from pipeline.normalize.effort import parse_effort, total_hours
from pipeline.normalize.language import normalize_language
from pipeline.normalize.level import normalize_level
from pipeline.normalize.link import program_link
from pipeline.normalize.outcomes import parse_outcomes, us_state
from pipeline.normalize.pacing import normalize_pacing
from pipeline.normalize.price import parse_price
from pipeline.normalize.rating import normalize_rating, normalize_rating_count
from pipeline.normalize.skills import normalize_skills
from pipeline.normalize.sources import declared, delivery_of_platform, pacing_of_platform, platform_of
from pipeline.normalize.text import clean_text, clean_title, parse_flag
from pipeline.normalize.tuition import residence_tuition
from pipeline.records import Program, Rejection
from pipeline.relevance import assess_relevance
from pipeline.validate import negative_figure, why_refused, within_bounds

_HTTP_URL = re.compile(r"^https?://[^\s/]+\.[^\s/]+", re.IGNORECASE)


@dataclass(frozen=True)
class CleanFeed:
    """A crawl's feed, cleaned: its programs and its rejections, in feed order."""

    programs: list[Program]
    rejections: list[Rejection]


def clean_feed(source: str, feed: Path) -> CleanFeed:
    """Every line of a crawl's JSON-lines feed cleaned; a line that is not JSON is a rejection too."""
    programs: list[Program] = []
    rejections: list[Rejection] = []
    with feed.open(encoding="utf-8") as lines:
        for number, line in enumerate(lines, start=1):
            try:
                raw = json.loads(line)
            except json.JSONDecodeError:
                outcome = Rejection(source=source, reason=f"malformed feed line {number}", raw={"line": line[:2000]})
            else:
                outcome = clean(raw)
            (programs if isinstance(outcome, Program) else rejections).append(outcome)
    return CleanFeed(programs, rejections)


def clean(raw: dict) -> Program | Rejection:
    """The Program the raw item describes, or why it cannot be one."""
    raw = raw if isinstance(raw, dict) else {"value": raw}
    source = clean_text(raw.get("source")) or "unknown"
    facts = declared(source)
    extra = raw.get("extra") if isinstance(raw.get("extra"), dict) else {}

    source_id = clean_text(raw.get("source_id"))
    title = clean_title(raw.get("title"))
    url = clean_text(raw.get("url"))
    if source_id is None:
        return Rejection(source, "missing source_id", raw)
    if title is None:
        return Rejection(source, "missing title", raw)
    if url is not None and not _HTTP_URL.match(url):
        return Rejection(source, f"invalid URL: {url[:100]!r}", raw)

    credential = classify_credential(
        raw.get("credential"),
        title,
        credit_eligible=parse_flag(extra.get("credit_eligible")),
        fixed="course" if facts.course_only else None,
        fallback=facts.fallback_credential,
    )
    if credential is None:
        listed = clean_text(raw.get("credential"))
        reason = not_listed(listed) or (f"unrecognised credential: {listed!r}" if listed else "missing credential")
        return Rejection(source, reason, raw)

    skills = normalize_skills(raw.get("skills"))
    description = clean_text(raw.get("description"))
    relevance = assess_relevance(
        title,
        description,
        skills,
        raw.get("subject"),
        is_degree=credential.kind == "degree",
        curated_topic=facts.curated_topic,
        field_of_study=clean_text(extra.get("cip")),
    )
    if not relevance.relevant:
        return Rejection(source, relevance.rejection, raw)

    platform = platform_of(source, raw.get("provider"), extra)
    duration = parse_duration(raw.get("duration"))
    effort = parse_effort(raw.get("effort")) or parse_effort(raw.get("duration"))
    price = parse_price(raw.get("price"), raw.get("currency"))
    price_period = clean_text(extra.get("price_period")) or facts.price_period
    residence = residence_tuition(extra, credential.credential)
    fetched_on = fetch_date(raw.get("fetched_at"))
    cost = residence.cost if residence else estimate_cost(
        price,
        credential=credential.credential,
        kind=credential.kind,
        duration=duration.weeks,
        platform=platform,
        default_period=price_period,
        on=fetched_on,
    )
    if refusal := negative_figure(raw) or implausible_tuition(price, cost, price_period, fetched_on):
        return Rejection(source, refusal, raw)
    rating_count = normalize_rating_count(raw.get("rating_count"))
    country = normalize_country(raw.get("country"))

    institution = clean_text(raw.get("institution"))
    provider = clean_text(raw.get("provider")) or platform
    link = program_link(url, source=source, title=title, offered_by=institution or provider, platform=platform,
                        is_listing=parse_flag(extra.get("url_is_listing")) is True)
    program = within_bounds(Program(
        source=source,
        source_id=source_id,
        url=link.url,
        url_kind=link.kind,
        title=title,
        provider=provider,
        institution=institution,
        kind=credential.kind,
        credential=credential.credential,
        delivery=normalize_delivery(raw.get("delivery")) or delivery_of_platform(platform),
        pacing=normalize_pacing(raw.get("pacing")) or pacing_of_platform(platform, credential.credential),
        level=normalize_level(raw.get("level")),
        language=normalize_language(raw.get("language")),
        country=country,
        cost=cost,
        duration=duration.weeks,
        effort_hours_per_week=effort,
        total_hours=_total_hours(duration, effort),
        rating=normalize_rating(raw.get("rating"), rating_count),
        rating_count=rating_count,
        description=description,
        skills=skills,
        topics=relevance.topics,
        relevance=relevance.score,
        tuition_free_eu=parse_flag(extra.get("tuition_free_eu")),
        fetched_at=clean_text(raw.get("fetched_at")),
        raw=raw,
        cost_usd_in_state=residence.in_state_usd if residence else None,
        us_state=us_state(country, extra.get("state")),
        outcomes=parse_outcomes(extra),
    ))
    reason = why_refused(program)
    return Rejection(source, reason, raw) if reason else program


def _total_hours(duration: ParsedDuration, effort: float | None) -> float | None:
    """Hours of content when the listing gives them (Udemy's video), else weeks x weekly effort."""
    return duration.total_hours if duration.total_hours is not None else total_hours(effort, duration.weeks)
