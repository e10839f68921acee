"""Interest matching that knows the field: words, a latent space and character n-grams.

A program's text is three fields weighed apart, so that a program about the interest (title,
description) outranks one that lists it among many tags: each field's TF-IDF row is L2-normalised
(so one skill among twenty counts for a twentieth of the skills' share) and the fields add up with
FIELD_WEIGHTS. The person's interests are widened with the synonyms of the topics they name
(models.topics). Three similarities blend into one match:
- words: cosine over word uni- and bigrams (one sparse product);
- latent: cosine in a TruncatedSVD space of the catalogue's own texts (related words without synonyms);
- characters: cosine over character 3-4-grams of titles (spelling variants: optimisation, Pytorch).
Apart from the blend, `title_match` is the word cosine with the title alone: a program about the
interest names it in its title, one that lists it among many tags does not (a feature of its own).
"""

import json
from pathlib import Path
from typing import NamedTuple

import numpy as np
import scipy.sparse as sp
from sklearn.base import BaseEstimator
from sklearn.decomposition import TruncatedSVD
from sklearn.feature_extraction.text import TfidfVectorizer
from sklearn.preprocessing import normalize
from sklearn.utils.validation import check_is_fitted

from models.topics import contains, folded, related_terms, synonyms_of

FIELD_WEIGHTS = {"title": 0.45, "description": 0.35, "skills": 0.20}
BLEND = {"words": 0.6, "latent": 0.3, "chars": 0.1}
# Good matches of a short query have blended cosines of 0.2-0.5 on the real catalogue, a tag among
# many 0.05-0.15: a smooth saturation spreads them over [0, 1] without capping (0.1 -> 0.39,
# 0.2 -> 0.63, 0.4 -> 0.86).
SATURATION = 0.2
MAX_MATCHED_TERMS = 3


class InterestMatcher(BaseEstimator):
    """Fitted on the catalogue's texts (rows of title, description, skills joined by ", ")."""

    def __init__(self, n_components: int = 64, random_state: int = 0):
        self.n_components = n_components
        self.random_state = random_state

    def fit(self, titles, descriptions, skills) -> "InterestMatcher":
        self.fit_transform(titles, descriptions, skills)
        return self

    def fit_transform(self, titles, descriptions, skills) -> "ProgramTexts":
        """Fit, and the programs' text matrices as `transform` gives them: each text is read once, not
        once to fit and again per matrix (the catalogue's texts are most of the index's build time)."""
        # min_df=2: a term only one text holds cannot relate two programs, and a smaller vocabulary
        # makes every query cheaper.
        count = len(titles)
        self.words_ = TfidfVectorizer(
            stop_words="english",
            ngram_range=(1, 2),
            sublinear_tf=True,
            strip_accents="unicode",
            dtype=np.float32,
            min_df=2,
        )
        every = self.words_.fit_transform([*titles, *descriptions, *skills, "machine learning", "machine learning"])
        every = sp.csr_matrix(every)
        fields = [every[start * count:(start + 1) * count] for start in range(len(FIELD_WEIGHTS))]
        self.chars_ = TfidfVectorizer(
            analyzer="char_wb", ngram_range=(3, 4), sublinear_tf=True, strip_accents="unicode", dtype=np.float32
        )
        chars = sp.csr_matrix(self.chars_.fit_transform([*titles, "machine learning"]))[:count]
        words = _weighted(fields)
        components = max(1, min(self.n_components, words.shape[1] - 1, words.shape[0] - 1))
        self.svd_ = TruncatedSVD(n_components=components, random_state=self.random_state).fit(words)
        return ProgramTexts(words, sp.csc_matrix(fields[0], dtype=np.float32), sp.csc_matrix(chars, dtype=np.float32))

    def transform(self, titles, descriptions, skills) -> "ProgramTexts":
        return ProgramTexts(self.program_words(titles, descriptions, skills), self.program_titles(titles),
                            self.program_chars(titles))  # fmt: skip

    def program_words(self, titles, descriptions, skills) -> sp.csr_matrix:
        check_is_fitted(self, "words_")
        return _weighted([self.words_.transform(texts) for texts in (titles, descriptions, skills)])

    def program_titles(self, titles) -> sp.csc_matrix:
        check_is_fitted(self, "words_")
        return sp.csc_matrix(self.words_.transform(titles), dtype=np.float32)

    def program_latent(self, words: sp.csr_matrix) -> np.ndarray:
        return normalize(self.svd_.transform(words)).astype(np.float32)

    def program_chars(self, titles) -> sp.csc_matrix:
        return sp.csc_matrix(self.chars_.transform(titles), dtype=np.float32)

    def query(self, interests: str) -> "InterestQuery | None":
        """The person's interests as vectors; None when they gave none."""
        if not interests.strip():
            return None
        check_is_fitted(self, "words_")
        # The person's own words weigh twice their topics' synonyms (a long synonym list must not drown them).
        own, synonyms = self.words_.transform([interests, synonyms_of(interests)])
        words = normalize(own + 0.5 * synonyms)
        words = sp.csr_matrix(words)
        # The latent vector by hand: the library's transform copies the whole components matrix.
        latent = self.svd_.components_[:, words.indices] @ words.data
        latent = (latent / (np.linalg.norm(latent) or 1.0)).astype(np.float32)
        chars = self.chars_.transform([interests])
        return InterestQuery(words, latent, chars)


class ProgramTexts(NamedTuple):
    """The programs' text matrices: weighted words of the three fields (rows), title words alone and
    title character grams (columns, as queries read them)."""

    words: sp.csr_matrix
    titles: sp.csc_matrix
    chars: sp.csc_matrix


def _weighted(fields: list) -> sp.csr_matrix:
    """The fields' TF-IDF rows (title, description, skills; each already L2-normalised) added up with
    FIELD_WEIGHTS."""
    total = None
    for weight, rows in zip(FIELD_WEIGHTS.values(), fields, strict=True):
        part = weight * rows
        total = part if total is None else total + part
    words = sp.csr_matrix(total, dtype=np.float32)
    words.sort_indices()  # fitting leaves them unsorted: the same matrix must give the same latent space
    return words


class InterestQuery:
    """The person's interests as the columns (terms, character grams) they touch and their weights,
    plus their latent vector. Matching reads only those columns of the catalogue's CSC matrices
    (an inverted index), so its cost follows the query's postings, not the catalogue's size."""

    def __init__(self, words: sp.spmatrix, latent: np.ndarray, chars: sp.spmatrix):
        words, chars = sp.csr_matrix(words), sp.csr_matrix(chars)
        self.word_columns, self.word_weights = words.indices, words.data
        self.char_columns, self.char_weights = chars.indices, chars.data
        self.latent = latent

    def match(self, words: sp.csc_matrix, latent: np.ndarray, chars: sp.csc_matrix, rows=None) -> np.ndarray:
        """The match of each program (or of `rows`) in [0, 1]."""
        cosine = (
            BLEND["words"] * (words[:, self.word_columns] @ self.word_weights)
            + BLEND["latent"] * np.clip(latent @ self.latent, 0.0, None)
            + BLEND["chars"] * _spelling_variant(chars[:, self.char_columns] @ self.char_weights)
        )
        match = 1.0 - np.exp(-cosine / SATURATION)
        return match if rows is None else match[rows]

    def title_match(self, titles: sp.csc_matrix) -> np.ndarray:
        """How much each program's title alone is about the interests, in [0, 1] (same saturation)."""
        return 1.0 - np.exp(-(titles[:, self.word_columns] @ self.word_weights) / SATURATION)


def _spelling_variant(cosine: np.ndarray) -> np.ndarray:
    """Character overlap counts from half the grams up: "optimisation" ~ "optimization", not
    "computer science" ~ "computer vision"."""
    return np.clip((cosine - 0.5) / 0.5, 0.0, 1.0)


def matched_terms(interests: str, title: str, skills, description: str | None) -> dict[str, dict[str, list[str]]]:
    """Per interest phrase, where the program's own text holds it or its topic's terms:
    {"computer vision": {"title": ["computer vision"], "skills": ["cnn"]}}.

    Only whole terms count ("computer vision", "cnn"), never one word of a phrase ("computer").
    """
    fields = {"title": [folded(title)], "skills": [folded(skill) for skill in skills],
              "description": [folded(description or "")]}  # fmt: skip
    found = {}
    for phrase, terms in related_terms(interests).items():
        where: dict[str, list[str]] = {}
        for field, texts in fields.items():
            hits = [term for term in terms if any(contains(text, term) for text in texts)]
            hits = [term for term in hits if not any(term != other and contains(other, term) for other in hits)]
            if hits:
                where[field] = hits[:MAX_MATCHED_TERMS]
        if where:
            found[phrase] = where
    return found


# -- saved without pickle or skops: parameters as JSON, fitted arrays as .npz (allow_pickle=False) ----

_VECTORIZERS = ("words_", "chars_")


def save_matcher(matcher: InterestMatcher, json_path, arrays_path) -> None:
    """The fitted state a query and a rebuild need, in formats that load without executing anything."""
    check_is_fitted(matcher, "words_")
    state = {"n_components": matcher.n_components, "random_state": matcher.random_state}
    arrays = {"svd_components": matcher.svd_.components_}
    for name in _VECTORIZERS:
        vectorizer = getattr(matcher, name)
        params = {key: value for key, value in vectorizer.get_params().items() if key != "dtype"}
        state[name] = {"params": params, "vocabulary": {term: int(column) for term, column in
                                                         vectorizer.vocabulary_.items()}}  # fmt: skip
        arrays[f"{name}idf"] = vectorizer.idf_
    Path(json_path).write_text(json.dumps(state), encoding="utf-8")
    np.savez(arrays_path, **arrays)


def load_matcher(json_path, arrays_path) -> InterestMatcher:
    """Raises OSError, ValueError or KeyError on a missing or malformed file (the caller rebuilds)."""
    state = json.loads(Path(json_path).read_text(encoding="utf-8"))
    with np.load(arrays_path, allow_pickle=False) as data:
        arrays = {name: data[name] for name in data.files}
    matcher = InterestMatcher(n_components=int(state["n_components"]), random_state=state["random_state"])
    for name in _VECTORIZERS:
        vectorizer = TfidfVectorizer(**state[name]["params"], dtype=np.float32)
        vectorizer.vocabulary_ = state[name]["vocabulary"]
        vectorizer.idf_ = arrays[f"{name}idf"]
        setattr(matcher, name, vectorizer)
    matcher.svd_ = TruncatedSVD(n_components=arrays["svd_components"].shape[0])
    matcher.svd_.components_ = arrays["svd_components"]
    return matcher
