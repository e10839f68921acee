"""Delivery text -> online | on_campus | hybrid.

Decision: a program offered both ways ("online; on campus", the data-science colleges list with
ONLINE=T and ONCAMPUS=T) is `online`: a learner can finish it without moving, which is what the
delivery constraint asks. `hybrid` is kept for programs that mix the two for every student ("blended",
"hybrid", "low-residency"). A listing on an online platform is online (see sources.py).
"""

import re

from pipeline.normalize.text import clean_text

_ONLINE = re.compile(r"\b(online|on-line|remote|distance|virtual|e-?learning|web-based)\b", re.I)
_ON_CAMPUS = re.compile(
    r"\b(on[\s-]?campus|campus|in[\s-]person|on[\s-]?site|onsite|classroom|face[\s-]to[\s-]face)\b", re.I
)
_HYBRID = re.compile(r"\b(hybrid|blended|low[\s-]residency|mixed[\s-]mode)\b", re.I)


def normalize_delivery(value: object) -> str | None:
    text = clean_text(value)
    if text is None:
        return None
    if _HYBRID.search(text):
        return "hybrid"
    if _ONLINE.search(text):
        return "online"
    if _ON_CAMPUS.search(text):
        return "on_campus"
    return None
