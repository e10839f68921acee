"""Two checks on data nobody here wrote (not part of any query path):

- COCO (Udemy learner-course interactions, `eval/coco_udemy`): the interest matcher (the same code
  as the interest feature) ranks every COCO course, each described by its knowledge-graph concepts
  and categories, for each learner described by their history (valid); hits are their future courses
  (test). HR@10 and NDCG@10 against popularity (most taken in the history) and random.
- OSSU: of the OSSU data-science curriculum courses that the catalogue holds, how many a data-science
  career-switch profile's top 50 finds, against the same baselines on the catalogue.
"""

import csv
from collections import defaultdict
from pathlib import Path

import numpy as np

from models.interest import InterestMatcher
from models.profile import Profile
from models.topics import folded

K = 10
MIN_HISTORY = 3
CATEGORY, CONCEPT = 0, 1


def load_coco(folder: Path) -> tuple[dict[int, str], dict[int, list[str]], dict[int, list[str]], dict, dict]:
    """Course titles, concepts and categories by course id, and each learner's history and future."""
    titles, by_entity = {}, {}
    with (folder / "i2kg_map.txt").open() as file:
        for row in csv.DictReader(file, delimiter="\t"):
            titles[int(row["pid"])] = row["name"].replace("-", " ")
            by_entity[int(row["eid"])] = int(row["pid"])
    names = {}
    with (folder / "e_map.txt").open() as file:
        for row in csv.DictReader(file, delimiter="\t"):
            names[int(row["eid"])] = row["name"].replace("-", " ")
    concepts, categories = defaultdict(list), defaultdict(list)
    with (folder / "kg_final.txt").open() as file:
        for row in csv.DictReader(file, delimiter="\t"):
            head, relation = int(row["entity_head"]), int(row["relation"])
            if head in by_entity and relation in (CATEGORY, CONCEPT):
                target = categories if relation == CATEGORY else concepts
                target[by_entity[head]].append(names[int(row["entity_tail"])])
    return titles, concepts, categories, _interactions(folder / "valid.txt"), _interactions(folder / "test.txt")


def _interactions(path: Path) -> dict[str, list[int]]:
    taken = defaultdict(list)
    with path.open() as file:
        for line in file:
            user, course, *_ = line.rstrip("\n").split("\t")
            taken[user].append(int(course))
    return taken


def coco_check(folder: Path, users: int = 2000, seed: int = 0) -> dict:
    titles, concepts, categories, history, future = load_coco(Path(folder))
    courses = sorted(titles)
    position = {course: row for row, course in enumerate(courses)}
    texts = ([titles[c] for c in courses], [", ".join(concepts[c]) for c in courses],
             [", ".join(categories[c]) for c in courses])  # fmt: skip
    matcher = InterestMatcher()
    fitted = matcher.fit_transform(*texts)
    words = fitted.words.tocsc()
    latent, chars = matcher.program_latent(words), fitted.chars
    popularity = np.zeros(len(courses))
    for taken in history.values():
        for course in taken:
            if course in position:
                popularity[position[course]] += 1
    rng = np.random.default_rng(seed)
    eligible = sorted(user for user, taken in history.items() if len(taken) >= MIN_HISTORY and future.get(user))
    chosen = rng.choice(eligible, size=min(users, len(eligible)), replace=False)
    hits: dict[str, list[tuple[float, float]]] = {"interest_matcher": [], "popularity": [], "random": []}
    for user in chosen:
        seen = [position[c] for c in history[user] if c in position]
        wanted = {position[c] for c in future[user] if c in position}
        query = matcher.query(", ".join(titles[courses[row]] + " " + " ".join(concepts[courses[row]][:5])
                                        for row in seen))  # fmt: skip
        scores = {
            "interest_matcher": query.match(words, latent, chars) if query else np.zeros(len(courses)),
            "popularity": popularity.copy(),
            "random": rng.random(len(courses)),
        }
        for name, score in scores.items():
            score[seen] = -np.inf
            hits[name].append(_hit_and_ndcg(_top(score, K), wanted))
    return {
        "users": len(chosen),
        "courses": len(courses),
        "metrics": {name: {"hr@10": round(float(np.mean([h for h, _ in found])), 4),
                           "ndcg@10": round(float(np.mean([n for _, n in found])), 4)}
                    for name, found in hits.items()},
    }  # fmt: skip


def ossu_check(engine, curriculum: Path, models_dir: Path | None = None, k: int = 50, seed: int = 0) -> dict:
    """How many OSSU data-science courses the catalogue holds, and how many each top 50 finds."""
    from models.catalog import load_catalog
    from models.ranker import prior_model
    from models.recommend import current_index, rank_profile

    with Path(curriculum).open(newline="") as file:
        ossu = list(csv.DictReader(file))
    index = current_index(engine, models_dir)
    held = ossu_programs(engine, load_catalog(engine), ossu)
    profile = Profile(goal="career-switch", interests="data science, statistics, machine learning, python, sql")
    rows = np.arange(len(index))
    query = index.matcher.words_.transform([profile.interests])
    text = np.asarray(index.words[:, query.indices] @ query.data).ravel()
    rankings = {
        "model": rank_profile(index, prior_model() if models_dir is None else _model(models_dir), profile, k)[0].rows,
        "priors": rank_profile(index, prior_model(), profile, k)[0].rows,
        "popularity": _top(index.static_feature("quality").copy(), k),
        "text_tfidf": _top(text, k),
        "random": np.random.default_rng(seed).choice(rows, size=min(k, len(rows)), replace=False),
    }
    return {
        "curriculum": len(ossu), "in_catalogue": len(held), "k": k,
        "found": {name: int(len(held & {int(index.ids[row]) for row in found})) for name, found in rankings.items()},
    }  # fmt: skip


def ossu_programs(engine, entries, ossu: list[dict]) -> set[int]:
    """The catalogue's programs that are OSSU courses: one of the program's source records is at the
    course's URL (any source, so a course listed by several is found under any of its titles), else a
    certification bearing the course's title (a degree sharing a course's name is not that course)."""
    from sqlalchemy import select

    from pipeline.store.db import reader_session
    from pipeline.store.schema import SourceRecord

    with reader_session(engine) as session:
        at_url = {_url_key(url): program_id for url, program_id in
                  session.execute(select(SourceRecord.url, SourceRecord.program_id)) if url}  # fmt: skip
    by_title = {folded(entry.title): entry.id for entry in entries if entry.kind != "degree"}
    held = set()
    for course in ossu:
        program = at_url.get(_url_key(course["url"])) or by_title.get(folded(course["title"]))
        if program is not None:
            held.add(program)
    return held


def _url_key(url: str) -> str:
    return url.split("?")[0].split("#")[0].rstrip("/").removeprefix("https://").removeprefix("http://").lower()


def _model(models_dir: Path):
    from models.persistence import load_model
    from models.ranker import prior_model

    return load_model(models_dir) or prior_model()


def _top(score: np.ndarray, k: int) -> np.ndarray:
    k = min(k, len(score))
    top = np.argpartition(-score, k - 1)[:k]
    return top[np.argsort(-score[top], kind="stable")]


def _hit_and_ndcg(top: np.ndarray, wanted: set[int]) -> tuple[float, float]:
    gains = [1.0 if row in wanted else 0.0 for row in top]
    ideal = sum(1 / np.log2(i + 2) for i in range(min(len(wanted), len(top))))
    dcg = sum(gain / np.log2(i + 2) for i, gain in enumerate(gains))
    return float(any(gains)), float(dcg / ideal) if ideal else 0.0



