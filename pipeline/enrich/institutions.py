"""Which College Scorecard institution a listing's school is: by name and state, fuzzily but strictly.

Names are compared in a normal form: ASCII, lower case, "&" as "and", "St." as "saint", without "the",
"at", "in", bracketed abbreviations ("(MIT)") or punctuation, a campus suffix ("-Seattle Campus",
"Campus Immersion", "Main Campus") cut, and, when the listing's state is known, "University of X" read
as "X University" (without a state, "Washington University" must stay WashU in St Louis). A
Scorecard name "School-Place" also answers to "School" (its base), where the main campus wins over
branches of the same base.

A match needs, in order:
1. the same state when both are known (a different state is never the same school);
2. the same normal form (full name, else base), one institution left after preferring the main campus
   and then the listing's city; or, within a known state only, a near-identical name (rapidfuzz
   ``ratio`` >= FUZZY_SCORE, a lead of FUZZY_MARGIN over the next school), which absorbs spelling
   variants but not a different word ("Washington State University" is not "University of Washington").
Word-set scorers are not used: "Washington University" is a word subset of "Washington University in
St Louis" and must not match it.
"""

from __future__ import annotations

import re
from collections import defaultdict
from collections.abc import Iterable
from dataclasses import dataclass

from anyascii import anyascii
from rapidfuzz import fuzz, process

FUZZY_SCORE = 92.0
FUZZY_MARGIN = 3.0
_BRACKETED = re.compile(r"\([^)]*\)")
_SAINT = re.compile(r"\bst\b\.?")
_NOT_WORD = re.compile(r"[^a-z0-9]+")
_UNIVERSITY_OF = re.compile(r"^university of (.+)$")
_CAMPUS = re.compile(r"\s(main\s)?campus(\s.*)?$")
_IGNORED_WORDS = frozenset({"the", "at", "in"})


@dataclass(frozen=True)
class Institution:
    key: str  # the Scorecard UNITID
    name: str
    state: str | None
    city: str | None = None
    main_campus: bool | None = None


@dataclass(frozen=True)
class Match:
    institution: Institution
    score: float  # 100 for the same normal form


def normal_name(name: str, *, flip: bool = True) -> str:
    """'The University of Washington-Seattle Campus' -> 'washington university seattle' ('university of
    washington seattle' unflipped)."""
    text = _BRACKETED.sub(" ", anyascii(name).lower()).replace("&", " and ")
    text = _SAINT.sub("saint ", text)
    text = " ".join(word for word in _NOT_WORD.sub(" ", text).split() if word not in _IGNORED_WORDS)
    cut = _CAMPUS.search(text)
    if cut is not None and len(text[: cut.start()].split()) >= 2:
        text = text[: cut.start()]
    if flip and (flipped := _UNIVERSITY_OF.match(text)) is not None:
        text = f"{flipped.group(1)} university"
    return text


def base_name(name: str, *, flip: bool = True) -> str | None:
    """'University of Michigan-Ann Arbor' -> the normal form of 'University of Michigan'; None without a '-'."""
    head, dash, _place = anyascii(name).partition("-")
    return normal_name(head, flip=flip) if dash and len(head.split()) >= 2 else None


class InstitutionIndex:
    def __init__(self, institutions: Iterable[Institution]):
        """Schools of known state only: without one, rule 1 could not be applied."""
        # keyed by (flipped, normal form): "University of X" reads as "X University" only within a known
        # state, where the state tells "University of Washington" from "Washington University" (MO)
        self.by_name: dict[tuple[bool, str], list[Institution]] = defaultdict(list)
        self.by_base: dict[tuple[bool, str], list[Institution]] = defaultdict(list)
        self.by_state: dict[str, dict[str, list[Institution]]] = defaultdict(lambda: defaultdict(list))
        for institution in institutions:
            if not institution.state:
                continue
            self.by_state[institution.state][normal_name(institution.name)].append(institution)
            for flip in (True, False):
                self.by_name[flip, normal_name(institution.name, flip=flip)].append(institution)
                if (base := base_name(institution.name, flip=flip)) is not None:
                    self.by_base[flip, base].append(institution)

    def match(self, name: str | None, state: str | None = None, city: str | None = None) -> Match | None:
        if not name:
            return None
        flip = state is not None
        wanted = normal_name(name, flip=flip)
        for table in (self.by_name, self.by_base):
            chosen = _one(table.get((flip, wanted), ()), state, city)
            if chosen is not None:
                return Match(chosen, 100.0)
        return self._near(wanted, state, city) if state else None

    def _near(self, wanted: str, state: str, city: str | None) -> Match | None:
        names = self.by_state.get(state, {})
        best = process.extract(wanted, list(names), scorer=fuzz.ratio, limit=2, score_cutoff=FUZZY_SCORE - FUZZY_MARGIN)
        if not best or best[0][1] < FUZZY_SCORE or (len(best) > 1 and best[0][1] - best[1][1] < FUZZY_MARGIN):
            return None
        chosen = _one(names[best[0][0]], state, city)
        return Match(chosen, best[0][1]) if chosen is not None else None


def _one(candidates: Iterable[Institution], state: str | None, city: str | None) -> Institution | None:
    """The one candidate left after the state filter, then the city, then the main campus; else None."""
    left = [candidate for candidate in candidates if not (state and candidate.state != state)]
    for narrower in (lambda found: _in_city(found, city), _main_campuses):
        if len(left) > 1:
            left = narrower(left) or left
    return left[0] if len(left) == 1 else None


def _main_campuses(candidates: list[Institution]) -> list[Institution]:
    return [candidate for candidate in candidates if candidate.main_campus]


def _in_city(candidates: list[Institution], city: str | None) -> list[Institution]:
    if not city:
        return []
    wanted = normal_name(city)
    return [candidate for candidate in candidates if candidate.city and normal_name(candidate.city) == wanted]
