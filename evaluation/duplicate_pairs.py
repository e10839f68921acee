"""Candidate duplicate pairs by similarity band, for labelling same program or not.

Neighbours are found by cosine similarity of word TF-IDF over folded titles (one sparse product in
chunks, never all pairs), with a small glossary that puts common Spanish, French, German, Italian and
Dutch title words into English so translations meet; each neighbour pair is then put in one band by
rapidfuzz scores and what the two listings say about credential and school.
"""

import random
from dataclasses import dataclass

import numpy as np
from rapidfuzz import fuzz
from sklearn.feature_extraction.text import TfidfVectorizer

from evaluation.relevance_sample import as_text, folded_title
from pipeline.dedupe import fold

NEIGHBOUR_COSINE = 0.6
NEIGHBOURS_PER_ITEM = 8
CHUNK = 500
PER_BAND = 32
COLUMNS = (
    "band", "score", "source_a", "source_id_a", "title_a", "offered_by_a", "credential_a",
    "source_b", "source_id_b", "title_b", "offered_by_b", "credential_b", "same", "reader", "note",
)

# Title words of the European languages in the sources, in English (folded, ASCII).
GLOSSARY = {
    "ciencia": "science", "ciencias": "science", "datos": "data", "aprendizaje": "learning",
    "automatico": "machine", "inteligencia": "intelligence", "artificial": "artificial",
    "estadistica": "statistics", "informatica": "computer science", "ingenieria": "engineering",
    "analisis": "analysis", "master": "master", "maestria": "master", "grado": "bachelor",
    "sciences": "science", "donnees": "data", "apprentissage": "learning", "statistique": "statistics",
    "intelligence": "intelligence", "informatique": "computer science", "analyse": "analysis",
    "datenwissenschaft": "data science", "daten": "data", "maschinelles": "machine", "lernen": "learning",
    "kunstliche": "artificial", "intelligenz": "intelligence", "informatik": "computer science",
    "statistik": "statistics", "wissenschaft": "science", "scienza": "science", "dati": "data",
    "intelligenza": "intelligence", "artificiale": "artificial", "statistica": "statistics",
    "kunstmatige": "artificial", "intelligentie": "intelligence", "gegevens": "data",
    "wetenschap": "science", "de": "", "del": "", "des": "", "la": "", "le": "", "der": "", "en": "",
    "e": "", "y": "", "et": "", "und": "", "di": "", "in": "", "of": "", "and": "", "for": "", "the": "",
}
FOREIGN_WORDS = frozenset(word for word, english in GLOSSARY.items() if english and english != word)


@dataclass(frozen=True)
class Listing:
    source: str
    source_id: str
    title: str
    offered_by: str
    credential: str
    folded: str
    english: str


def listings(items_by_source: dict[str, list[dict]]) -> list[Listing]:
    found = []
    for source, items in sorted(items_by_source.items()):
        for item in items:
            folded = folded_title(item)
            if not folded:
                continue
            found.append(Listing(
                source=source,
                source_id=str(item.get("source_id")),
                title=as_text(item.get("title")),
                offered_by=as_text(item.get("institution") or item.get("provider")),
                credential=as_text(item.get("credential")),
                folded=folded,
                english=in_english(folded),
            ))
    return found


def in_english(folded: str) -> str:
    words = (GLOSSARY.get(word, word) for word in folded.split())
    return " ".join(word for word in words if word)


def neighbour_pairs(found: list[Listing]) -> list[tuple[int, int, float]]:
    """(i, j, cosine) with i < j for each listing's nearest titles above NEIGHBOUR_COSINE."""
    matrix = TfidfVectorizer(ngram_range=(1, 2), min_df=1).fit_transform([listing.english for listing in found])
    pairs = {}
    for start in range(0, matrix.shape[0], CHUNK):
        block = (matrix[start:start + CHUNK] @ matrix.T).toarray()
        for offset, row in enumerate(block):
            i = start + offset
            row[i] = 0
            nearest = min(NEIGHBOURS_PER_ITEM, len(row) - 1)  # a small catalogue has fewer neighbours
            best = np.argpartition(-row, nearest)[:nearest]
            for j in best:
                if row[j] >= NEIGHBOUR_COSINE:
                    pairs[(min(i, int(j)), max(i, int(j)))] = float(row[j])
    return [(i, j, cosine) for (i, j), cosine in sorted(pairs.items())]


def band(a: Listing, b: Listing) -> tuple[str, float]:
    """The similarity band of a pair and the score that put it there."""
    ratio = fuzz.ratio(a.folded, b.folded)
    same_school = fuzz.ratio(fold(a.offered_by), fold(b.offered_by)) >= 85
    if {_scope(a), _scope(b)} == {"course", "program"} and same_school:
        return "course_and_program", fuzz.partial_ratio(a.folded, b.folded)
    translated = fuzz.token_sort_ratio(a.english, b.english)
    foreign = FOREIGN_WORDS & set(f"{a.folded} {b.folded}".split())
    if foreign and fuzz.token_sort_ratio(a.folded, b.folded) < 85 and translated >= 90:
        return "translation", translated
    if ratio >= 90 and not same_school:
        return "same_title_other_school", ratio
    if ratio >= 85 and same_school:
        return ("two_sources" if a.source != b.source else "near_identical"), ratio
    return "similar", ratio


def _scope(listing: Listing) -> str:
    """course, program (a series of courses: specialization, professional certificate...) or other (degrees)."""
    credential = listing.credential.lower()
    if any(word in credential for word in ("special", "professional", "mastertrack", "micromasters", "xseries")):
        return "program"
    if credential in ("", "course", "guided project", "project"):
        return "course"
    return "other"


def draw(items_by_source: dict[str, list[dict]], seed: int, per_band: int = PER_BAND) -> list[dict]:
    found = listings(items_by_source)
    by_band: dict[str, list[dict]] = {}
    for i, j, _cosine in neighbour_pairs(found):
        a, b = sorted((found[i], found[j]), key=lambda listing: (listing.source, listing.source_id))
        if (a.source, a.source_id) == (b.source, b.source_id):
            continue
        name, score = band(a, b)
        by_band.setdefault(name, []).append(_row(name, score, a, b))
    rows = []
    for name, candidates in sorted(by_band.items()):  # one generator per band: a new band leaves the others' draw
        rows.extend(random.Random(f"{seed}:{name}").sample(candidates, min(per_band, len(candidates))))
    return rows


def _row(name: str, score: float, a: Listing, b: Listing) -> dict:
    row = {"band": name, "score": round(score)}
    for suffix, listing in (("a", a), ("b", b)):
        row |= {
            f"source_{suffix}": listing.source,
            f"source_id_{suffix}": listing.source_id,
            f"title_{suffix}": listing.title,
            f"offered_by_{suffix}": listing.offered_by,
            f"credential_{suffix}": listing.credential,
        }
    return row | {"same": "", "reader": "", "note": ""}
