"""Level text -> beginner | intermediate | advanced.

"Introductory", "Foundational", "Basic" are beginner. Decision: "Mixed" and "All Levels" are
`beginner`: they assume nothing of the learner, and the level fit the ranker needs is "can this
person start it?". Anything else (Coursera's shifted columns such as "Course", "None"; its 2021
"Conversant", which it never placed on our scale, and "Not Calibrated") is unknown.
"""

import re

from pipeline.normalize.text import clean_text

LEVEL_PATTERNS = (
    ("beginner", re.compile(
        r"beginn|introduct|intro\b|foundation|basic|elementary|novice|entry|mixed|all\s+levels"
        r"|principiante|básico|basico|débutant", re.I)),
    ("intermediate", re.compile(r"intermediate|intermedio|intermédiaire", re.I)),
    ("advanced", re.compile(r"advanced|expert|avanzado|avancé", re.I)),
)  # fmt: skip


def normalize_level(value: object) -> str | None:
    text = clean_text(value)
    if text is None:
        return None
    return next((level for level, pattern in LEVEL_PATTERNS if pattern.search(text)), None)
