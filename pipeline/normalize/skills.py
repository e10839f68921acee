"""Skills text or list -> a clean tuple: stripped, de-duplicated (case-insensitively, first spelling kept).

Coursera's catalogue gives one comma-separated string; a few skill names contain commas themselves
and are kept whole. Junk its shifted columns put there ("(43 reviews)", "Course", "None") is dropped.
"""

import re

from pipeline.normalize.text import clean_text

SKILLS_WITH_COMMAS = ("Extract, Transform, Load",)
NOT_SKILLS = frozenset({"course", "specialization", "degree", "professional certificate", "guided project"})
_REVIEW_COUNT = re.compile(r"^\(?\d[\d,.]*\s*(k\s*)?reviews?\)?$", re.I)


def normalize_skills(value: object) -> tuple[str, ...]:
    pieces = value if isinstance(value, (list, tuple, set)) else [value]
    skills: dict[str, str] = {}
    for piece in pieces:
        for skill in _split(clean_text(piece)):
            if skill.lower() not in NOT_SKILLS and not _REVIEW_COUNT.match(skill):
                skills.setdefault(skill.lower(), skill)
    return tuple(skills.values())


def _split(text: str | None) -> list[str]:
    if text is None:
        return []
    for index, name in enumerate(SKILLS_WITH_COMMAS):
        text = text.replace(name, f"\ue000{index}\ue001")
    parts = (clean_text(part) for part in re.split(r"[,;|\n]", text))
    return [_restored(part) for part in parts if part]


def _restored(part: str) -> str:
    for index, name in enumerate(SKILLS_WITH_COMMAS):
        part = part.replace(f"\ue000{index}\ue001", name)
    return part
