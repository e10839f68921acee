"""The field's vocabulary: topics of machine learning and their synonyms (models/data/topics.toml).

An interest that names a topic (by its name or a synonym) is widened to the topic's other terms,
so "computer vision" also looks for image recognition, CNNs and object detection.
"""

import re
import tomllib
from dataclasses import dataclass
from functools import cache, lru_cache
from pathlib import Path

from anyascii import anyascii

VOCABULARY_FILE = Path(__file__).with_name("data") / "topics.toml"


@dataclass(frozen=True)
class Topic:
    name: str
    synonyms: tuple[str, ...]

    @property
    def terms(self) -> tuple[str, ...]:
        return (self.name, *self.synonyms)


@cache
def topics() -> tuple[Topic, ...]:
    with VOCABULARY_FILE.open("rb") as file:
        data = tomllib.load(file)
    return tuple(Topic(entry["name"], tuple(entry.get("synonyms", ()))) for entry in data["topic"])


@lru_cache(maxsize=8192)
def folded(text: str) -> str:
    """Lower case, ASCII, words separated by single spaces: how terms and texts are compared."""
    return " ".join(re.findall(r"[a-z0-9+#]+(?:-[a-z0-9]+)*", anyascii(text).casefold()))


def interest_phrases(interests: str) -> list[str]:
    """The person's interests as phrases: "computer vision, NLP" -> ["computer vision", "nlp"]."""
    return [phrase for phrase in (folded(part) for part in re.split(r"[,;|/\n]+", interests)) if phrase]


def contains(text: str, term: str) -> bool:
    """Whether folded `text` holds folded `term` as whole words."""
    return f" {term} " in f" {text} "


@lru_cache(maxsize=256)
def related_terms(interests: str) -> dict[str, tuple[str, ...]]:
    """For each interest phrase, the terms that count as it: itself plus its topics' terms."""
    related = {}
    for phrase in interest_phrases(interests):
        terms = [phrase]
        for topic in topics():
            if any(contains(phrase, term) or term == phrase for term in topic.terms):
                terms += [term for term in topic.terms if term not in terms]
        related[phrase] = tuple(terms)
    return related


def synonyms_of(interests: str) -> str:
    """The other terms of the topics the interests name, as one text (for the text match)."""
    return ", ".join(term for terms in related_terms(interests).values() for term in terms[1:])
