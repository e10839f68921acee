"""Ranking pools: per persona, the union of the top of several simple rankers plus a random sample, shuffled.

Rankers (each over the whole catalogue, each a few lines so nobody mistakes them for the model):
random; popularity (rating shrunk towards the mean by its count); text match of the interests (TF-IDF
cosine on title, provider, description and skills); cheapest fitting (hard constraints on known
values, then cost). Pools are formed blind: the pool file has no ranker column; which ranker proposed
what goes to a separate provenance file.
"""

import random
from dataclasses import dataclass

import numpy as np
from sklearn.feature_extraction.text import TfidfVectorizer
from sklearn.metrics.pairwise import linear_kernel
from sqlalchemy import text

TOP = 10
FROM_RANKERS = 20  # programs taken from the rankers' tops, round robin, before the random extra
RANDOM_EXTRA = 5
SHRINK_COUNT = 50  # ratings behind the prior: a 5.0 from 2 people ranks below a 4.7 from 10,000
GRADUATE = ("master", "doctorate")
POOL_COLUMNS = (
    "persona_id", "source", "source_id", "title", "provider", "kind", "credential", "delivery", "pacing",
    "level", "language", "country", "cost_usd", "cost_model", "duration_weeks", "effort_hours_per_week",
    "rating", "rating_count", "url", "grade", "reader", "note",
)
PROVENANCE_COLUMNS = ("persona_id", "source", "source_id", "ranker", "rank")

CATALOGUE_QUERY = text("""
SELECT c.*, p.description, p.skills, r.source, r.source_id
FROM program_catalog c JOIN programs p ON p.id = c.id
JOIN source_records r ON r.id = (
    SELECT r2.id FROM source_records r2 WHERE r2.program_id = c.id
    ORDER BY r2.first_seen, r2.source, r2.source_id LIMIT 1)
ORDER BY r.source, r.source_id
""")


@dataclass
class Catalogue:
    rows: list[dict]
    texts: list[str]


def load_catalogue(engine) -> Catalogue:
    with engine.connect() as connection:
        rows = [dict(row._mapping) for row in connection.execute(CATALOGUE_QUERY)]
    fields = ("title", "provider", "description", "skills")
    texts = [" ".join(str(row.get(field) or "") for field in fields) for row in rows]
    return Catalogue(rows, texts)


def random_ranker(catalogue: Catalogue, persona: dict, rng: random.Random) -> list[int]:
    return rng.sample(range(len(catalogue.rows)), min(TOP, len(catalogue.rows)))


def popularity_ranker(catalogue: Catalogue, persona: dict, rng: random.Random) -> list[int]:
    rated = [(row["rating"], row["rating_count"] or 0) for row in catalogue.rows if row["rating"] is not None]
    prior = float(np.mean([rating for rating, _count in rated])) if rated else 0.0

    def shrunk(row: dict) -> float:
        if row["rating"] is None:
            return -1.0
        count = row["rating_count"] or 0
        return (row["rating"] * count + prior * SHRINK_COUNT) / (count + SHRINK_COUNT)

    return sorted(range(len(catalogue.rows)), key=lambda i: -shrunk(catalogue.rows[i]))[:TOP]


def text_ranker(catalogue: Catalogue, persona: dict, rng: random.Random) -> list[int]:
    vectorizer = TfidfVectorizer(stop_words="english", sublinear_tf=True)
    matrix = vectorizer.fit_transform(catalogue.texts)
    scores = linear_kernel(vectorizer.transform([persona.get("interests", "")]), matrix).ravel()
    return [int(i) for i in np.argsort(-scores, kind="stable")[:TOP]]


def cheapest_fitting_ranker(catalogue: Catalogue, persona: dict, rng: random.Random) -> list[int]:
    fitting = [i for i, row in enumerate(catalogue.rows) if fits(row, persona)]
    return sorted(fitting, key=lambda i: catalogue.rows[i]["cost_usd"])[:TOP]


def fits(row: dict, persona: dict) -> bool:
    """Hard constraints on known values, with a known cost (the ranker is "cheapest")."""
    budget, delivery = persona.get("budget"), persona.get("delivery", "any")
    if row["cost_usd"] is None or (budget is not None and row["cost_usd"] > budget):
        return False
    if delivery != "any" and row["delivery"] not in (None, delivery.replace("-", "_")):
        return False
    if persona.get("has_degree") is False and row["credential"] in GRADUATE:
        return False
    if persona.get("language") and row["language"] not in (None, persona["language"]):
        return False
    months, weeks = persona.get("months"), row["duration_weeks"]
    return not (months is not None and weeks is not None and weeks > months * 52 / 12 * _pace_factor(row, persona))


def _pace_factor(row: dict, persona: dict) -> float:
    """The share of the listed weekly effort the person gives (their hours over the listed effort, at most 1)."""
    effort = row["effort_hours_per_week"] or (40.0 if row["kind"] == "degree" else None)
    return 1.0 if effort is None else min(1.0, persona.get("hours_per_week", 10) / effort)


RANKERS = {
    "random": random_ranker,
    "popularity": popularity_ranker,
    "text": text_ranker,
    "cheapest_fitting": cheapest_fitting_ranker,
}


def pool(catalogue: Catalogue, persona: dict, seed: int) -> tuple[list[int], list[dict]]:
    """The persona's pool (catalogue indexes, shuffled) and the provenance of every proposal in it."""
    rng = random.Random(f"{seed}:{persona['id']}")
    tops = {name: ranker(catalogue, persona, rng) for name, ranker in RANKERS.items()}
    chosen: list[int] = []
    for depth in range(TOP):  # round robin, so every ranker's best are in even when the union is large
        for name in RANKERS:
            if depth < len(tops[name]) and tops[name][depth] not in chosen and len(chosen) < FROM_RANKERS:
                chosen.append(tops[name][depth])
    taken = set(chosen)
    rest = [i for i in range(len(catalogue.rows)) if i not in taken]
    extra = rng.sample(rest, min(RANDOM_EXTRA, len(rest)))
    members = chosen + extra
    provenance = [
        {"persona_id": persona["id"], **_key(catalogue.rows[i]), "ranker": name, "rank": rank}
        for name, top in tops.items() for rank, i in enumerate(top, start=1) if i in members
    ]
    provenance += [{"persona_id": persona["id"], **_key(catalogue.rows[i]), "ranker": "random_extra", "rank": ""}
                   for i in extra]
    rng.shuffle(members)
    return members, provenance


def pool_rows(catalogue: Catalogue, persona: dict, members: list[int]) -> list[dict]:
    rows = []
    for i in members:
        row = catalogue.rows[i]
        rows.append({"persona_id": persona["id"], **_key(row)} | {
            column: row.get(column) for column in POOL_COLUMNS[3:-3]
        } | {"grade": "", "reader": "", "note": ""})
    return rows


def _key(row: dict) -> dict:
    return {"source": row["source"], "source_id": row["source_id"]}
