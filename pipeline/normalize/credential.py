"""Raw credential (+ title) -> (credential, kind) in the DESIGN's vocabulary.

credential: course, specialization, professional_certificate, graduate_certificate, bootcamp,
associate, bachelor, master, doctorate. kind: certification or degree.

Where the credential field is missing or only says "Degree", the title decides when it names one
("Master of Science in ...", "Maestría en ...", "Graduate Certificate in ..."); titles are read
strictly (never a bare "Master" or "MS": "Master the Telephone", "MS Excel"; an abbreviation opening a
title counts only with its dots: "M.A. Public Policy").

Udacity's Nanodegree is a professional_certificate, not a bootcamp: an online platform's certificate
of 2 to 15 months (the 2017 catalogue's expected durations) taken beside work, with industry partners,
like Coursera's professional certificates; a bootcamp is a full-time, cohort-taught course with career
services. The kind is certification either way.

Study portals word levels their own way (studyineurope): "Postgraduate" (Flanders' postgraduate
programmes, 20-60 ECTS after a degree) is a graduate certificate; "Short-term" (summer schools,
master classes) is a course; Austria's "Diplomstudium" is a master-level degree. Some levels name
what the catalogue does not list (NOT_LISTED): a secondary-school programme, or "Other" (language,
preparatory and exchange courses, graduate centres) when the title names no credential either.

Graduate certificates count as a degree only where they carry academic credit, decided on the
evidence the listing gives, in this order:
1. MicroMasters-style programs (MasterTrack, MicroMasters) are certifications, as the DESIGN says,
   although they may later count toward a master's.
2. An explicit credit flag wins (Coursera's `credit_eligible`: "Graduate Certificate" rows say True,
   "University Certificate" rows False).
3. Otherwise the award's own name: "Graduate", "Postgraduate", "Post-Baccalaureate", "Advanced
   Certificate", "Certificate of Advanced Study" are university awards made at graduate level for
   credit (Mastersportal's "Postgraduate Certificate"; 60 of the 101 "C" rows of the data-science
   colleges list). A plain "Certificate in Data Mining" from an extension school says nothing of
   credit, so it stays a certification: a degree needs evidence.

College Scorecard's credential levels: its "Post-baccalaureate Certificate" and "Graduate/Professional
Certificate" are graduate_certificate and, by rule 3, degrees (awards of accredited institutions,
credit-bearing); a "First Professional Degree" is a doctorate (IPEDS files it as a doctor's degree,
professional practice); an "Undergraduate Certificate or Diploma", a vocational award below the
associate, has no entry of its own in the vocabulary and is read as a professional_certificate.
"""

import re
from typing import NamedTuple

from pipeline.normalize.text import clean_text

DEGREE_CREDENTIALS = frozenset({"associate", "bachelor", "master", "doctorate"})
CERTIFICATION_CREDENTIALS = frozenset({"course", "specialization", "professional_certificate", "bootcamp"})


class CredentialMatch(NamedTuple):
    credential: str
    kind: str


# Field values after lower-casing and dropping dots, apostrophes and extra spaces ("M.Sc." -> "msc").
CREDENTIAL_OF_FIELD = {
    **dict.fromkeys(
        ("course", "courses", "guided project", "project", "mooc", "short course", "short-term", "summer school"),
        "course",
    ),
    **dict.fromkeys(("specialization", "specialisation", "xseries", "professional program"), "specialization"),
    **dict.fromkeys(
        ("professional certificate", "professional certification", "nanodegree", "certificate program"),
        "professional_certificate",
    ),
    **dict.fromkeys(
        (
            "c", "graduate certificate", "postgraduate certificate", "post graduate certificate",
            "pgcert", "pg cert", "postgraduate diploma", "post graduate diploma", "pgdip", "pg dip",
            "graduate diploma", "postgraduate", "university certificate", "advanced certificate",
            "certificate of advanced study", "post-baccalaureate certificate", "mastertrack",
            "mastertrack certificate", "micromasters", "micromasters program", "graduate/professional certificate",
        ),
        "graduate_certificate",
    ),
    **dict.fromkeys(("bootcamp", "boot camp"), "bootcamp"),
    # College Scorecard's sub-baccalaureate award: no vocabulary entry of its own, a vocational certificate
    "undergraduate certificate or diploma": "professional_certificate",
    **dict.fromkeys(
        ("a", "associate", "associates", "associate degree", "associates degree", "aa", "as", "aas"), "associate"
    ),
    **dict.fromkeys(
        (
            "b", "bachelor", "bachelors", "bachelor degree", "bachelors degree", "bsc", "bs", "ba", "beng", "bba",
            "btech", "undergraduate degree", "licenciatura",
        ),
        "bachelor",
    ),
    **dict.fromkeys(
        (
            "m", "master", "masters", "master degree", "masters degree", "msc", "ms", "ma", "mba", "meng",
            "mphil", "mres", "llm", "mlitt", "med", "mcs", "mds", "mfa", "mph", "mpa", "mtech", "mst",
            "mas", "maestria", "maestría", "magister", "magíster", "mestrado", "postgraduate degree", "diplomstudium",
        ),
        "master",
    ),
    **dict.fromkeys(
        (
            "d", "phd", "dphil", "doctor", "doctorate", "doctoral", "doctoral degree", "edd", "dba", "dsc", "engd",
            "first professional degree",  # IPEDS: a doctor's degree - professional practice
        ),
        "doctorate",
    ),
}  # fmt: skip

# Levels that name something the catalogue does not list, and why (the cleaner's rejection reason).
NOT_LISTED = {
    "secondary school": "not a program we list: a secondary-school programme",
    "other": "not a program we list: level 'Other' and no credential in the title",
}

# Credential names as they open or appear in titles, strictly: "Master of", never a bare "Master".
TITLE_CUES = (
    # Coursera's MasterTrack® certificate, not Eindhoven's "Mastertrack", the track of a master's
    # programme ("Human-Technology Interaction - Mastertrack Human-Centered AI", Mastersportal).
    ("graduate_certificate", re.compile(
        r"\bmaster\s?track\s*(®|certificate)|\bcertificado\s+master\s?track|\bmicro\s?masters\b", re.I)),
    ("graduate_certificate", re.compile(
        r"\b(post[\s-]?graduate|graduate|post[\s-]?baccalaureate|advanced)\s+(certificate|diploma)\b"
        r"|\bcertificate\s+of\s+advanced\s+study\b", re.I)),
    ("doctorate", re.compile(r"\b(ph\.?\s?d|d\.?\s?phil|doctor\s+of|doctorate|doctoral)\b", re.I)),
    ("master", re.compile(
        r"\b(master'?s?\s+(of|in|degree)|maestr[ií]a|mag[ií]ster|mestrado|m\.?\s?sc\b"
        r"|m\.?b\.?a\b(?!\s+(essentials|course|crash|fundamentals|basics|skills|in\s+a\s+box))"
        r"|(ms|m\.s\.|ma|m\.a\.|m\.eng\.?|meng)\s+(degree\s+)?(in|of)\b|ll\.?m\b"
        r"|^(m\.a\.|m\.s\.|m\.eng\.)\s)", re.I)),
    ("bachelor", re.compile(
        r"\b(bachelor'?s?\s+(of|in|degree)|b\.?\s?sc\b|(bs|b\.s\.|ba|b\.a\.)\s+(in|of)\b|licenciatura"
        r"|^(b\.a\.|b\.s\.)\s)", re.I)),
    ("associate", re.compile(r"\bassociate'?s?\s+(of|in|degree)\b", re.I)),
)  # fmt: skip

_MICROMASTERS_STYLE = re.compile(r"master\s?track|micro\s?masters", re.I)
_CREDIT_BEARING_NAME = re.compile(
    r"\b(post[\s-]?graduate|graduate|post[\s-]?baccalaureate|advanced\s+(certificate|study)|post[\s-]?mba"
    r"|pg\s?(cert|dip))\b",
    re.I,
)
_GENERIC_FIELD = frozenset({"degree", "degrees", "program", "programme", "certificate", "certification"})


def classify_credential(
    raw: object,
    title: object = None,
    *,
    credit_eligible: bool | None = None,
    fixed: str | None = None,
    fallback: str | None = None,
) -> CredentialMatch | None:
    """(credential, kind), or None when neither the field, the title nor the source says which.

    `fixed` is a source whose listings are all one credential (a course catalogue); `fallback` the
    credential a source's listings are when neither the field nor the title names one.
    """
    field_text, title_text = clean_text(raw), clean_text(title)
    credential = fixed or credential_from_field(field_text) or credential_from_title(title_text) or fallback
    if credential is None:
        return None
    names = " ".join(text for text in (field_text, title_text) if text)
    return CredentialMatch(credential, kind_of(credential, names, credit_eligible))


def not_listed(raw: object) -> str | None:
    """Why a listing whose level names no credential we list is refused; None for any other level."""
    text = clean_text(raw)
    return NOT_LISTED.get(text.lower()) if text else None


def credential_from_field(text: str | None) -> str | None:
    if text is None:
        return None
    key = re.sub(r"\s+", " ", text.lower().replace(".", "").replace("'", "").replace("’", "")).strip()
    if key in _GENERIC_FIELD:
        return None
    return CREDENTIAL_OF_FIELD.get(key) or credential_from_title(text)


def credential_from_title(text: str | None) -> str | None:
    if text is None:
        return None
    return next((credential for credential, cue in TITLE_CUES if cue.search(text)), None)


def kind_of(credential: str, names: str = "", credit_eligible: bool | None = None) -> str:
    """certification or degree; for a graduate certificate, by the evidence of academic credit."""
    if credential in DEGREE_CREDENTIALS:
        return "degree"
    if credential != "graduate_certificate":
        return "certification"
    if _MICROMASTERS_STYLE.search(names):
        return "certification"
    if credit_eligible is not None:
        return "degree" if credit_eligible else "certification"
    return "degree" if _CREDIT_BEARING_NAME.search(names) else "certification"
