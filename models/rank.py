"""The ranking of one query over the catalogue's arrays: masks, features, one sparse product, a
partial sort. Only the k chosen rows leave this module; reasons are computed for those alone.

Order of the list (each a sort key, most significant first):
1. what passes every constraint as given, then what needs relaxing (least important step first);
2. known fits before programs with an unknown value a constraint needs;
3. the verdict's kind first (a degree verdict leads with degrees; "both" alternates, a certificate
   first); the verdict is decided on the known fits when there are any, so it matches the top;
4. the model's score, less STALE_PENALTY for a listing that may be out of date.
Language versions of one program show once: in the person's language when given, else English.
"""

from dataclasses import dataclass
from typing import NamedTuple

import numpy as np

from models.features import FEATURE_NAMES, INTEREST_FEATURES
from models.index import STATIC_FEATURES, CatalogIndex
from models.pace import WEEKS_PER_MONTH
from models.person import PersonView, cost_fit, goal_fit, level_fit, time_fit, view
from models.profile import Profile
from models.ranker import RankingModel, contributions, linear_weights, scores
from models.relaxation import RELAXATION_ORDER

STALE_AFTER_DAYS = 3 * 365.25  # older than the catalogue's newest capture by this: possibly out of date
STALE_PENALTY = 0.1
INTEREST_GATE = 0.4  # share of the other trade-offs kept by a program that does not match the interests
SHORTLIST = 8  # rows per result considered before language versions are merged
# Unknown values that a result's reasons say but that do not rank it below the known fits: 9 in 10
# listings of the replayed catalogue state no language, and demoting them cost held-out NDCG@10.
SAID_NOT_RANKED = ("language",)
_INTEREST, _TITLE = FEATURE_NAMES.index("interest_match"), FEATURE_NAMES.index("title_match")
_GATED = [column for column, name in enumerate(FEATURE_NAMES) if name not in INTEREST_FEATURES]


@dataclass
class Ranking:
    rows: np.ndarray  # index rows of the results, in order
    person: PersonView
    values: np.ndarray  # feature values of the results
    contributions: np.ndarray  # w_i * x_i of the results
    scores: np.ndarray  # of the results
    candidates: int  # pass the constraints as given (unknown values pass)
    relaxed: list[str]
    stale: np.ndarray  # bool, per result
    path: str  # the verdict's path: certification | degree | both
    best: dict[str, int | None]  # per kind: the best row within budget and time (None: none is)


class Matches(NamedTuple):
    """How much each program is about the person's interests: the blended match and the title's."""

    interest: np.ndarray
    title: np.ndarray


def feature_matrix(index: CatalogIndex, person: PersonView, profile: Profile, rows=None,
                   matches: Matches | None = None) -> np.ndarray:  # fmt: skip
    """(programs x FEATURE_NAMES), every value in [0, 1]; only `rows` when given. `matches`: the
    interest matches of every program, when already computed."""
    pick = (lambda values: values) if rows is None else (lambda values: values[rows])
    n = len(index) if rows is None else len(rows)
    matrix = np.empty((n, len(FEATURE_NAMES)), order="F")  # column-major: features are written by column
    matches = interest_matches(index, profile) if matches is None else matches
    matrix[:, _INTEREST] = pick(matches.interest)
    matrix[:, _TITLE] = pick(matches.title)
    for name, values in _person_features(index, person, profile).items():
        matrix[:, FEATURE_NAMES.index(name)] = pick(values)
    for name in STATIC_FEATURES:
        matrix[:, FEATURE_NAMES.index(name)] = pick(index.static_feature(name))
    if profile.interests.strip():
        # With interests given, every other trade-off counts in proportion to how much the program is
        # about them: a cheap, well-rated course on another subject must not outrank the subject.
        matrix[:, _GATED] *= _gate(matrix[:, [_INTEREST]])
    return matrix


def _person_features(index: CatalogIndex, person: PersonView, profile: Profile) -> dict[str, np.ndarray]:
    return {"cost_fit": cost_fit(person, profile), "time_fit": time_fit(person, profile),
            "level_fit": level_fit(index, profile), "goal_fit": goal_fit(index, profile)}  # fmt: skip


def interest_matches(index: CatalogIndex, profile: Profile) -> Matches:
    """Both interest features of every program from one reading of the interests."""
    query = index.matcher.query(profile.interests)
    if query is None:
        return Matches(np.zeros(len(index)), np.zeros(len(index)))
    return Matches(query.match(index.words, index.latent, index.chars), query.title_match(index.titles))


def _gate(interest: np.ndarray) -> np.ndarray:
    return INTEREST_GATE + (1 - INTEREST_GATE) * interest


def score_all(index: CatalogIndex, person: PersonView, profile: Profile, scorer, matches: Matches) -> np.ndarray:
    """The score of every program. With a linear scorer behind a passthrough columns step, the score
    is the interest features' w . x + gate * (static . w_static + the person's columns . their weights),
    so the 100,000 x features matrix is never built; otherwise it is built and scored through the pipeline."""
    coef = linear_weights(scorer)
    if coef is None:
        return scores(scorer, feature_matrix(index, person, profile, matches=matches))
    rest = index.static @ coef[[FEATURE_NAMES.index(name) for name in STATIC_FEATURES]]
    for name, values in _person_features(index, person, profile).items():
        rest += coef[FEATURE_NAMES.index(name)] * values
    if profile.interests.strip():
        rest *= _gate(matches.interest)
    return coef[_INTEREST] * matches.interest + coef[_TITLE] * matches.title + rest


def rank(
    index: CatalogIndex, model: RankingModel, profile: Profile, k: int, path: str,
    dismissed: np.ndarray | None = None, person: PersonView | None = None,
) -> Ranking:  # fmt: skip
    person = person or view(index, profile, dismissed)
    scorer = model.scorer_for(profile.goal)
    matches = interest_matches(index, profile)
    score = score_all(index, person, profile, scorer, matches)
    stale = stale_mask(index)
    key = order_key(index, person, path, score, stale)
    if path == "both":
        degree = index.categorical["kind"] == "degree"
        rows = np.concatenate([_top_distinct(index, np.where(degree, np.inf, key), profile, k),
                               _top_distinct(index, np.where(degree, key, np.inf), profile, k)])  # fmt: skip
        rows = _alternate_kinds(index, rows[np.argsort(key[rows], kind="stable")])[:k]
    else:
        rows = _top_distinct(index, key, profile, k)
    values = feature_matrix(index, person, profile, rows, matches)
    return Ranking(
        rows=rows, person=person, values=values, contributions=contributions(scorer, values),
        scores=score[rows], candidates=int(np.count_nonzero(person.allowed & (person.needed == 0))),
        relaxed=relaxed_steps(person, rows, profile), stale=stale[rows], path=path,
        best={kind: _best_possible(index, person, key, kind) for kind in ("certification", "degree")},
    )  # fmt: skip


def order_key(index: CatalogIndex, person: PersonView, path: str, score: np.ndarray,
              stale: np.ndarray | None = None) -> np.ndarray:  # fmt: skip
    """The sort key of every program (lower first, inf: never shown), as the module docstring orders."""
    stale = stale_mask(index) if stale is None else stale
    return tiers(index, person, path) - (score - STALE_PENALTY * stale)


def tiers(index: CatalogIndex, person: PersonView, path: str) -> np.ndarray:
    """The part of the sort key decided before the score (constraints, unknowns, the verdict's kind):
    programs of one tier are ordered by the score alone; inf: never shown."""
    unknown = np.logical_or.reduce([mask for name, mask in person.unknown.items() if name not in SAID_NOT_RANKED])
    key = person.needed * 1000.0 + unknown * 100.0 + _kind_order(index, path) * 10.0
    return np.where(person.allowed, key, np.inf)


def possible(index: CatalogIndex, person: PersonView, kind: str, known: bool = False) -> np.ndarray:
    """Programs of this kind the person can take within budget and time (unknown values count,
    unless `known`: then only programs meeting every constraint on known values)."""
    mask = person.allowed & (index.categorical["kind"] == kind) & ~person.failed["budget"] & ~person.failed["time"]
    if known:
        mask &= (person.needed == 0) & ~np.logical_or.reduce(list(person.unknown.values()))
    return mask


def _best_possible(index: CatalogIndex, person: PersonView, key: np.ndarray, kind: str) -> int | None:
    rows = np.flatnonzero(possible(index, person, kind))
    return int(rows[np.argmin(key[rows])]) if rows.size else None


def stale_mask(index: CatalogIndex) -> np.ndarray:
    captured = index.numeric["captured_days"]
    with np.errstate(invalid="ignore"):
        return captured < index.newest_captured_days - STALE_AFTER_DAYS


def _kind_order(index: CatalogIndex, path: str) -> np.ndarray:
    degree = index.categorical["kind"] == "degree"
    if path == "degree":
        return (~degree).astype(float)
    if path == "certification":
        return degree.astype(float)
    return np.zeros(len(index))


def _top_distinct(index: CatalogIndex, key: np.ndarray, profile: Profile, k: int) -> np.ndarray:
    """The k best rows, one per language family, each family shown in the preferred language."""
    finite = int(np.count_nonzero(np.isfinite(key)))
    wanted = min(finite, SHORTLIST * k)
    if wanted == 0:
        return np.zeros(0, dtype=np.int64)
    shortlist = np.argpartition(key, wanted - 1)[:wanted]
    shortlist = shortlist[np.lexsort((shortlist, key[shortlist]))]  # ties: the lower row, as argmin does
    families = index.family[shortlist]
    members = np.flatnonzero(np.isin(index.family, families) & np.isfinite(key))
    language = profile.language or "en"
    preferred = index.version_language[members] == language
    chosen: dict[int, int] = {}
    for row in members[np.lexsort((key[members], ~preferred))]:
        chosen.setdefault(int(index.family[row]), int(row))
    ordered = []
    for family in dict.fromkeys(int(f) for f in families):
        ordered.append(chosen[family])
        if len(ordered) == k:
            break
    return np.array(ordered, dtype=np.int64)


def _alternate_kinds(index: CatalogIndex, rows: np.ndarray) -> np.ndarray:
    """A certificate now, a degree later: the two kinds alternate, a certificate first, each in its
    own order, so that both show whatever tier the best degree is in (its reasons say what it needs)."""
    degree = index.categorical["kind"][rows] == "degree"
    certificates, degrees = list(rows[~degree]), list(rows[degree])
    mixed = []
    while certificates or degrees:
        for queue in (certificates, degrees):
            if queue:
                mixed.append(queue.pop(0))
    return np.array(mixed, dtype=np.int64)


def failed_steps(person: PersonView, row: int, profile: Profile) -> list[str]:
    """The relaxation steps this program needs, in RELAXATION_ORDER."""
    steps = [name for name in ("language", "country", "self_paced", "delivery") if person.failed[name][row]]
    if person.failed["time"][row]:
        beyond = person.weeks[row] > 1.5 * profile.months * WEEKS_PER_MONTH + 1e-6
        steps.append("time" if beyond else "time_plus_50")
    if person.failed["budget"][row]:
        steps.append("budget" if person.learn_cost[row] > 1.5 * profile.budget + 1e-6 else "budget_plus_50")
    return steps


def relaxed_steps(person: PersonView, rows: np.ndarray, profile: Profile) -> list[str]:
    """The relaxation steps the shown results needed, in RELAXATION_ORDER."""
    needed = {step for row in rows if person.needed[row] > 0 for step in failed_steps(person, int(row), profile)}
    return [step for step in RELAXATION_ORDER if step in needed]
