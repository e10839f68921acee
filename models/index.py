"""The catalogue as arrays, built once per catalogue change and kept beside the model.

A query is then numpy masks, vectorised features and one sparse product (models.person,
models.recommend): nothing per query loops over the catalogue in Python.

Files in the models folder: `catalog-index.npz` (numeric columns, categorical columns as fixed-width
strings, the program features and the latent text matrix; loaded with allow_pickle=False),
`catalog-words.npz`, `catalog-titles.npz` and `catalog-chars.npz` (sparse text matrices),
`interest.json` and `interest.npz` (the fitted interest matcher: parameters and vocabularies as
JSON, arrays loaded with allow_pickle=False; no skops at query time, whose checks of a 75,000-term
vocabulary took seconds).
The index records the catalogue fingerprint it was built from and is rebuilt when the database's fingerprint differs.
"""

import math
import re
import zipfile
from collections.abc import Sequence
from dataclasses import dataclass, replace
from datetime import datetime
from functools import cached_property
from pathlib import Path
from typing import TYPE_CHECKING

import numpy as np
import scipy.sparse as sp

from models.catalog import CatalogEntry
from models.features import depth, flexibility_fit, industry_relevance, networking, recognition
from models.pace import monthly_price_usd

if TYPE_CHECKING:  # scikit-learn is imported only where text is matched
    from models.interest import InterestMatcher

INDEX_FILE = "catalog-index.npz"
WORDS_FILE = "catalog-words.npz"
CHARS_FILE = "catalog-chars.npz"
TITLES_FILE = "catalog-titles.npz"
MATCHER_FILE = "interest.json"  # the matcher's parameters and vocabularies
MATCHER_ARRAYS_FILE = "interest.npz"  # its fitted arrays
INDEX_FORMAT = 4  # bumped whenever the arrays change shape or meaning

STATIC_FEATURES = ("flexibility_fit", "recognition", "depth", "industry_relevance", "networking", "quality",
                   "outcomes")  # fmt: skip
NUMERIC = ("cost_usd", "cost_usd_in_state", "monthly_usd", "total_hours", "duration_weeks", "effort",
           "captured_days", "earnings_usd", "debt_usd", "outcomes_count", "rating", "rating_count")  # fmt: skip
CATEGORICAL = ("kind", "credential", "delivery", "pacing", "level", "language", "country", "us_state",
               "cost_model")  # fmt: skip
EPOCH = datetime(1970, 1, 1)
# Outcomes: median earnings mapped from [$30,000, $110,000] to [0, 1], less a debt share; 0.5 unknown.
EARNINGS_RANGE = (30_000.0, 110_000.0)


class Categorical:
    """A categorical column as integer codes: comparisons cost an integer compare, not a string one.
    `column == "degree"` and `column.isin(values)` give boolean arrays; "" is the unknown value."""

    __hash__ = None

    def __init__(self, codes: np.ndarray, vocabulary):
        self.codes, self.vocabulary = codes, tuple(str(value) for value in vocabulary)
        self._lookup = {value: code for code, value in enumerate(self.vocabulary)}

    @classmethod
    def of(cls, values: Sequence[str]) -> "Categorical":
        vocabulary = sorted(set(values) | {""})
        lookup = {value: code for code, value in enumerate(vocabulary)}
        return cls(np.array([lookup[value] for value in values], dtype=np.int16), vocabulary)

    def __eq__(self, value) -> np.ndarray:
        return self.codes == self._lookup.get(value, -1)

    def __ne__(self, value) -> np.ndarray:
        return self.codes != self._lookup.get(value, -1)

    def isin(self, values) -> np.ndarray:
        return np.isin(self.codes, [self._lookup[value] for value in values if value in self._lookup])

    def __getitem__(self, rows) -> "Categorical":
        return Categorical(self.codes[rows], self.vocabulary)

    def values(self) -> list[str]:
        return [self.vocabulary[code] for code in self.codes]


@dataclass
class CatalogIndex:
    ids: np.ndarray
    numeric: dict[str, np.ndarray]  # float64, NaN where unknown
    categorical: dict[str, Categorical]  # "" where unknown
    tuition_free_eu: np.ndarray  # bool: the catalogue says EU/EEA residents pay no tuition
    family: np.ndarray  # int: language versions of one program share it
    version_language: "Categorical"  # the language of each version, for choosing among a family
    static: np.ndarray  # (programs x STATIC_FEATURES)
    words: sp.csc_matrix  # column-major: a query reads only its terms' columns
    titles: sp.csc_matrix  # the titles' words alone, same columns
    latent: np.ndarray
    chars: sp.csc_matrix
    matcher: "InterestMatcher | None"
    fingerprint: str

    def __len__(self) -> int:
        return len(self.ids)

    @cached_property
    def row_of(self) -> dict[int, int]:
        """Each program id's row."""
        return {int(program_id): row for row, program_id in enumerate(self.ids)}

    def static_feature(self, name: str) -> np.ndarray:
        return self.static[:, STATIC_FEATURES.index(name)]

    @property
    def newest_captured_days(self) -> float:
        captured = self.numeric["captured_days"]
        return float(np.nanmax(captured)) if np.isfinite(captured).any() else math.nan


def build_index(
    entries: Sequence[CatalogEntry], fingerprint: str, matcher: "InterestMatcher | None" = None
) -> CatalogIndex:
    """The arrays of `entries`; the matcher is fitted on their texts unless one is given."""
    from models.interest import InterestMatcher

    titles = [entry.title for entry in entries]
    descriptions = [entry.description or "" for entry in entries]
    skills = [", ".join(entry.skills) for entry in entries]
    if matcher is None:
        matcher = InterestMatcher()
        texts = matcher.fit_transform(titles, descriptions, skills)
    else:
        texts = matcher.transform(titles, descriptions, skills)
    return replace(
        constraint_index(entries),
        static=_static_features(entries),
        words=texts.words.tocsc(),
        titles=texts.titles,
        latent=matcher.program_latent(texts.words),
        chars=texts.chars,
        matcher=matcher,
        fingerprint=fingerprint,
    )


def constraint_index(entries: Sequence[CatalogEntry]) -> CatalogIndex:
    """The arrays the constraints and the person's pricing read, without text (no scikit-learn):
    enough for models.person.view of a few programs (`mlpath show`, `compare`, `report`)."""
    empty = sp.csc_matrix((len(entries), 0))
    return CatalogIndex(
        ids=np.array([entry.id for entry in entries], dtype=np.int64),
        numeric={name: np.array([_numeric(entry, name) for entry in entries], dtype=np.float64) for name in NUMERIC},
        categorical={name: Categorical.of([_categorical(entry, name) for entry in entries]) for name in CATEGORICAL},
        tuition_free_eu=np.array([bool(entry.tuition_free_eu) for entry in entries], dtype=bool),
        version_language=Categorical.of([version_language(entry) for entry in entries]),
        family=language_families(entries), static=np.zeros((len(entries), 0)), words=empty, titles=empty,
        latent=np.zeros((len(entries), 0)), chars=empty, matcher=None, fingerprint="",
    )  # fmt: skip


def language_families(entries: Sequence[CatalogEntry]) -> np.ndarray:
    """Language versions of one program share a family: same provider and institution, same title
    once a language named in it ("(German)", "em Português") is left out. Other programs are alone."""
    keys: dict[tuple, int] = {}
    family = np.empty(len(entries), dtype=np.int64)
    for row, entry in enumerate(entries):
        key = (_title_without_language(entry.title), (entry.institution or entry.provider or "").casefold())
        family[row] = keys.setdefault(key, len(keys))
    return family


_LANGUAGE_WORDS = re.compile(
    r"\b(english|german|deutsch|portuguese|portugu[eê]s|spanish|espa[nñ]ol|french|fran[cç]ais|italian|italiano|"
    r"japanese|chinese|korean|arabic|russian|turkish|indonesian|vietnamese|polish|dutch|hindi|ukrainian|thai|"
    r"greek)\b",
    re.IGNORECASE,
)


_LANGUAGE_SUFFIX = re.compile(r"\(([A-Z]{2})\)\s*$")  # "Google Data Analytics (PT)"


def _title_without_language(title: str) -> str:
    title = _LANGUAGE_SUFFIX.sub(" ", title)
    return " ".join(re.sub(r"[^\w]+", " ", _LANGUAGE_WORDS.sub(" ", title).casefold()).split())


def version_language(entry: CatalogEntry) -> str:
    """The language of this version of a program: stated, or marked in its title ("(DE)"); a title
    without a mark, in a family of marked versions, is taken as the English original."""
    marked = _LANGUAGE_SUFFIX.search(entry.title)
    return entry.language or (marked.group(1).lower() if marked else "en")


def _numeric(entry: CatalogEntry, name: str) -> float:
    value = {
        "monthly_usd": monthly_price_usd(entry) if entry.cost_model == "subscription" else None,
        "duration_weeks": entry.duration_weeks,
        "effort": entry.effort_hours_per_week,
        "captured_days": (entry.captured - EPOCH).total_seconds() / 86400 if entry.captured else None,
    }.get(name, getattr(entry, name, None))
    return math.nan if value is None else float(value)


def _categorical(entry: CatalogEntry, name: str) -> str:
    return str(getattr(entry, name) or "")


def _static_features(entries: Sequence[CatalogEntry]) -> np.ndarray:
    per_entry = {"flexibility_fit": flexibility_fit, "recognition": recognition, "depth": depth,
                 "industry_relevance": industry_relevance, "networking": networking}  # fmt: skip
    matrix = np.zeros((len(entries), len(STATIC_FEATURES)))
    for column, name in enumerate(STATIC_FEATURES[:5]):
        matrix[:, column] = [per_entry[name](entry) for entry in entries]
    matrix[:, STATIC_FEATURES.index("quality")] = quality(entries)
    matrix[:, STATIC_FEATURES.index("outcomes")] = [outcome_value(entry) for entry in entries]
    return matrix


def quality(entries: Sequence[CatalogEntry]) -> np.ndarray:
    """The Bayesian average rating (shrunk towards the catalogue's mean by the median count), [3, 5] -> [0, 1]."""
    rating = np.array([np.nan if e.rating is None else e.rating for e in entries], dtype=float)
    count = np.array([e.rating_count or 0 for e in entries], dtype=float)
    rated = np.isfinite(rating)
    mean = float(rating[rated].mean()) if rated.any() else 4.0
    counted = count[rated & (count > 0)]
    prior = max(1.0, float(np.median(counted))) if counted.size else 1.0
    count = np.where(rated, count, 0.0)
    shrunk = (prior * mean + count * np.where(rated, rating, mean)) / (prior + count)
    return np.clip((shrunk - 3.0) / 2.0, 0.0, 1.0)


def outcome_value(entry: CatalogEntry) -> float:
    if entry.earnings_usd is None:
        return 0.5
    low, high = EARNINGS_RANGE
    value = (entry.earnings_usd - low) / (high - low)
    if entry.debt_usd is not None:
        value -= 0.25 * entry.debt_usd / max(entry.earnings_usd, 1.0)
    return min(1.0, max(0.0, value))


# -- files ----------------------------------------------------------------------------------------


def save_index(index: CatalogIndex, models_dir: Path) -> None:
    from models.interest import save_matcher

    models_dir = Path(models_dir)
    models_dir.mkdir(parents=True, exist_ok=True)
    arrays = {"ids": index.ids, "tuition_free_eu": index.tuition_free_eu, "family": index.family,
              "static": index.static, "latent": index.latent, "fingerprint": np.array(index.fingerprint),
              "format": np.array(INDEX_FORMAT)}  # fmt: skip
    arrays |= {f"numeric_{name}": values for name, values in index.numeric.items()}
    arrays |= {"version_language": index.version_language.codes,
               "version_language_vocabulary": np.array(index.version_language.vocabulary)}  # fmt: skip
    arrays |= {f"categorical_{name}": column.codes for name, column in index.categorical.items()}
    arrays |= {f"vocabulary_{name}": np.array(column.vocabulary) for name, column in index.categorical.items()}
    save_matcher(index.matcher, models_dir / MATCHER_FILE, models_dir / MATCHER_ARRAYS_FILE)
    # Uncompressed: written in 0.01 s instead of 0.4 s at the end of every run, and read faster by every
    # cold query (8 MB on disk instead of 3 MB).
    for path, matrix in ((WORDS_FILE, index.words), (CHARS_FILE, index.chars), (TITLES_FILE, index.titles)):
        sp.save_npz(models_dir / path, matrix, compressed=False)
    np.savez(models_dir / INDEX_FILE, **arrays)  # written last: its presence means the set is complete


def load_index(models_dir: Path) -> CatalogIndex | None:
    """The saved index; None when there is none or it cannot be read (the caller rebuilds it)."""
    models_dir = Path(models_dir)
    if not (models_dir / INDEX_FILE).exists():
        return None
    from models.interest import InterestMatcher, load_matcher

    try:
        matcher = load_matcher(models_dir / MATCHER_FILE, models_dir / MATCHER_ARRAYS_FILE)
        with np.load(models_dir / INDEX_FILE, allow_pickle=False) as data:
            arrays = {name: data[name] for name in data.files}
        if int(arrays.get("format", -1)) != INDEX_FORMAT or not isinstance(matcher, InterestMatcher):
            return None  # written by another version of mlpath: rebuilt by the caller
        return CatalogIndex(
            ids=arrays["ids"], tuition_free_eu=arrays["tuition_free_eu"], family=arrays["family"],
            static=arrays["static"], latent=arrays["latent"], matcher=matcher,
            words=sp.load_npz(models_dir / WORDS_FILE).tocsc(), chars=sp.load_npz(models_dir / CHARS_FILE).tocsc(),
            titles=sp.load_npz(models_dir / TITLES_FILE).tocsc(),
            fingerprint=str(arrays["fingerprint"]),
            version_language=Categorical(arrays["version_language"], arrays["version_language_vocabulary"]),
            numeric={name: arrays[f"numeric_{name}"] for name in NUMERIC},
            categorical={name: Categorical(arrays[f"categorical_{name}"], arrays[f"vocabulary_{name}"])
                         for name in CATEGORICAL},
        )  # fmt: skip
    except (OSError, ValueError, KeyError, TypeError, zipfile.BadZipFile):
        return None
