"""US degree programs of other sources gain College Scorecard tuition and outcomes, once all are stored.

Each US degree program not listed by the Scorecard itself is matched to a Scorecard institution by
school name and state (pipeline.enrich.institutions). A matched program gains, where it knows none:
- tuition: the institution's yearly in-state and out-of-state figures x its credential's usual length
  (pipeline.normalize.tuition), ``cost_basis`` naming the institution; not for a program delivered
  online, whose price is set apart from the campus tuition;
- outcomes: the medians (each with its graduate count) of the Scorecard program at that institution
  and credential level in the field closest to the listing's (FIELD_FAMILIES, by its title), the first
  of the family's fields that has a figure; ``outcomes_basis`` names the institution, field and level.
A program's own figures are never overwritten.
"""

from __future__ import annotations

import logging
import re
from collections import defaultdict
from dataclasses import dataclass, replace

from sqlalchemy import select
from sqlalchemy.orm import Session

from pipeline.enrich.institutions import Institution, InstitutionIndex, Match
from pipeline.normalize.outcomes import ENRICHMENT_BASIS, parse_outcomes
from pipeline.normalize.text import clean_text
from pipeline.normalize.tuition import residence_tuition
from pipeline.records import Outcomes
from pipeline.store.schema import Program, SourceRecord
from pipeline.store.upsert import outcome_values

logger = logging.getLogger(__name__)

SOURCE = "scorecard"
# Title cue -> the CIP fields whose outcomes stand for the listing's, closest first.
FIELD_FAMILIES = (
    (re.compile(r"statistic", re.I), ("27.05", "27.03", "30.70", "30.71")),
    (re.compile(r"mathemat", re.I), ("27.03", "30.08", "27.05")),
    (re.compile(r"\bdata\b|analytic", re.I), ("30.70", "30.71", "27.05", "30.30", "11.07", "11.01", "11.04")),
    (re.compile(r"information", re.I), ("11.04", "11.01", "11.07")),
)
COMPUTING_FAMILY = ("11.07", "11.01", "30.08", "11.02", "11.04")


@dataclass(frozen=True)
class ScorecardProgram:
    field: str  # CIP, "11.07"
    credential: str  # in the catalogue's vocabulary
    outcomes: Outcomes
    extra: dict  # the raw item's extra: tuition, state, ...


@dataclass(frozen=True)
class MatchReport:
    us_degrees: int  # US degree programs of other sources
    matched: int  # of them, matched to a Scorecard institution
    with_outcomes: int  # gained earnings or debt
    with_tuition: int  # gained a tuition

    @property
    def rate(self) -> float:
        return self.matched / self.us_degrees if self.us_degrees else 0.0

    def __str__(self) -> str:
        return (
            f"Scorecard match: {self.matched} of {self.us_degrees} US degree programs ({self.rate:.0%}); "
            f"{self.with_outcomes} gained earnings or debt, {self.with_tuition} tuition"
        )


def enrich_from_scorecard(session: Session) -> MatchReport:
    institutions, programs = _scorecard_catalogue(session)
    index = InstitutionIndex(institutions.values())
    matched = with_outcomes = with_tuition = 0
    candidates = _us_degrees_of_other_sources(session)
    for program, city in candidates:
        match = index.match(program.institution or program.provider, program.us_state, city)
        if match is None:
            continue
        matched += 1
        offered = programs[match.institution.key]
        values = _tuition_values(program, match, offered) | _outcome_values(program, match, offered)
        for column, value in values.items():  # the unit of work writes them at flush, grouped
            setattr(program, column, value)
        with_outcomes += "earnings_usd" in values or "debt_usd" in values
        with_tuition += "cost_model" in values
    report = MatchReport(len(candidates), matched, with_outcomes, with_tuition)
    logger.info("%s", report)
    return report


def _scorecard_catalogue(session: Session) -> tuple[dict[str, Institution], dict[str, list[ScorecardProgram]]]:
    """The Scorecard institutions and their programs, from the raw items the scorecard source stored."""
    institutions: dict[str, Institution] = {}
    programs: dict[str, list[ScorecardProgram]] = defaultdict(list)
    rows = session.execute(
        select(SourceRecord.raw, Program.institution, Program.credential)
        .join(Program)
        .where(SourceRecord.source == SOURCE)
    )
    for raw, institution, credential in rows:
        extra = raw.get("extra") or {}
        unitid, name = clean_text(extra.get("unitid")), clean_text(institution)
        if unitid is None or name is None:
            continue
        institutions[unitid] = Institution(
            unitid, name, clean_text(extra.get("state")), clean_text(raw.get("city")), extra.get("main_campus")
        )
        programs[unitid].append(ScorecardProgram(str(extra.get("cip")), credential, parse_outcomes(extra), extra))
    return institutions, programs


def _us_degrees_of_other_sources(session: Session) -> list[tuple[Program, str | None]]:
    """US degree programs no Scorecard record lists, each with the city one of its listings gives."""
    scorecard_listed = select(SourceRecord.program_id).where(SourceRecord.source == SOURCE)
    rows = session.execute(
        select(Program, SourceRecord.raw)
        .join(SourceRecord)
        .where(Program.country == "US", Program.kind == "degree", Program.id.not_in(scorecard_listed))
        .order_by(Program.id)
    )
    cities: dict[int, tuple[Program, str | None]] = {}
    for program, raw in rows:
        known = cities.get(program.id, (program, None))[1]
        cities[program.id] = (program, known or clean_text(raw.get("city")))
    return list(cities.values())


def _tuition_values(program: Program, match: Match, offered: list[ScorecardProgram]) -> dict:
    if program.cost_usd is not None or program.cost_model is not None or not offered:
        return {}
    if program.delivery == "online":
        return {}  # an online degree is priced apart from the campus tuition (UIUC's MCS on Coursera)
    tuition = residence_tuition(offered[0].extra, program.credential)
    if tuition is None:
        return {}
    cost = tuition.cost
    basis = f"{ENRICHMENT_BASIS}{match.institution.name} (UNITID {match.institution.key})"
    return {
        "cost_usd": cost.usd, "cost_model": cost.model, "cost_amount": cost.amount, "cost_currency": cost.currency,
        "cost_rate_date": cost.rate_date, "cost_basis": f"{basis}: {cost.basis or 'tuition and fees per year'}",
        "cost_usd_in_state": tuition.in_state_usd, "us_state": program.us_state or match.institution.state,
    }  # fmt: skip


def _outcome_values(program: Program, match: Match, offered: list[ScorecardProgram]) -> dict:
    if program.earnings_usd is not None or program.debt_usd is not None:
        return {}
    same_level = {entry.field: entry for entry in offered if entry.credential == program.credential}
    for field in _field_family(program.title):
        entry = same_level.get(field)
        if entry is not None and (entry.outcomes.earnings_usd is not None or entry.outcomes.debt_usd is not None):
            basis = (
                f"{ENRICHMENT_BASIS}{match.institution.name} (UNITID {match.institution.key}), "
                f"CIP {field} {program.credential}, name match {match.score:.0f}"
            )
            outcomes = replace(entry.outcomes, basis=basis)
            return outcome_values(outcomes) | {"us_state": program.us_state or match.institution.state}
    return {}


def _field_family(title: str) -> tuple[str, ...]:
    return next((fields for cue, fields in FIELD_FAMILIES if cue.search(title)), COMPUTING_FAMILY)
