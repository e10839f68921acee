"""Is a listing about machine learning, AI or data science? Which of them, how squarely, and if not, why.

Terms are matched as whole words (case-sensitive for the acronyms AI, ML, NLP, LLM, so "ai" inside
words or Spanish "ai" never count) in the title, skills, subject and description. Each term has a
weight (how surely it means the topic: "machine learning" 1.0, "AI" 0.9, "analytics" 0.6) and each
field one (title 1.0, skills 0.9, subject 0.6, description 0.45): a passing mention in a long
description, or a broad catalogue category such as Udemy's "Marketing Analytics & Automation", is
weak evidence. Skills count fully only when at least a quarter of them are topical (Coursera tags a
finance course with "Data Analysis" among twelve skills). A listing is relevant when its strongest
single piece of evidence reaches RELEVANT_SCORE (0.45): a moderate term in the title or skills, a
specific one in a subject ("Data Analysis"), or an unambiguous full term ("machine learning", "data
science") in the description.
Many weak hints do not add up to one. The score is that strongest evidence plus 0.05 for each
further distinct term, capped at 1.

False positives handled: "Google Analytics" and other marketing-tool analytics are not analytics;
"NLP" counts only beside a computing cue (Udemy lists many neuro-linguistic-programming courses:
"NLP Practitioner Certification"); "LLM" in a text about law is the Master of Laws ("Master of German
Law (LLM)"), not a language model; "data entry" or a "Cyber Security" program match nothing; a
spreadsheet course (Excel, tagged "Data Analysis") needs an ML or data-science term in its title, and
a business or management title any term in its title (evidence elsewhere is borrowed, not its subject).
Statistics software (SAS, SPSS, Stata) and geospatial analysis (GIS, geomatics) are data science.

Three documented exceptions:
- A program filed under a field of study that leads to ML work (College Scorecard's CIP codes,
  crawlers.registry.ML_FIELDS_OF_STUDY) is relevant by its field: with the field's topic at
  CURATED_SCORE, or, a degree in computing and mathematics, as adjacent (ADJACENT_SCORE, no topic).
  A field that says nothing (Computer Programming, Information Science) leaves it to the title.
- A source curated for a topic (the data-science colleges list) is evidence of that topic: its
  programs are relevant (score at least CURATED_SCORE) even when the title names no term
  ("Master of Science in Information Systems").
- Decision on degree lists: a general computer-science degree ("MSc Computer Science", "Advanced
  Computing", "Informatics") is not about ML, but it is the usual route into ML research and most
  carry an ML track, so such a *degree* is accepted as adjacent, with the lower score ADJACENT_SCORE
  and no topic. Computing applied elsewhere ("Nursing Informatics", "Computational Mechanics") or
  specialised away from ML ("Computer Science (Game Development)", "... Computer Security") is not,
  and courses get no such allowance (CS50 is not an ML path).
"""

import re
from dataclasses import dataclass

from crawlers.registry import ADJACENT, ML_FIELDS_OF_STUDY
from pipeline.normalize.skills import normalize_skills
from pipeline.normalize.text import text_items

RELEVANT_SCORE = 0.45
CURATED_SCORE = 0.5
ADJACENT_SCORE = 0.3
FIELD_WEIGHTS = {"title": 1.0, "skills": 0.9, "subject": 0.6, "description": 0.45}
EXTRA_TERM_BONUS = 0.05
SKILLS_SHARE_FOR_FULL_CREDIT = 0.25
TOPICS = ("ml", "ai", "data_science")


@dataclass(frozen=True)
class Term:
    name: str
    topic: str  # ml | ai | data_science
    weight: float
    pattern: re.Pattern  # lower-case unless case_sensitive; must end a word, and start one (see occurs_in)
    case_sensitive: bool = False

    def occurs_in(self, text: str, lowered: str) -> bool:
        # The start-of-word test is done by hand: a leading look-behind in the pattern stops the regex
        # engine's literal-prefix search and made matching five times slower on long descriptions.
        haystack = text if self.case_sensitive else lowered
        return any(_starts_word(haystack, match.start()) for match in self.pattern.finditer(haystack))


def _starts_word(text: str, start: int) -> bool:
    return start == 0 or not (text[start - 1].isalnum() or text[start - 1] == "_")


def _term(name: str, topic: str, weight: float, pattern: str, case_sensitive: bool = False) -> Term:
    return Term(name, topic, weight, re.compile(rf"(?:{pattern})(?!\w)"), case_sensitive)


VOCABULARY = (
    # machine learning
    _term("machine learning", "ml", 1.0, r"machine\s+learning"),
    _term("deep learning", "ml", 1.0, r"deep\s+learning"),
    _term("neural network", "ml", 1.0, r"neural\s+net(work)?s?|redes\s+neuronales"),
    _term("reinforcement learning", "ml", 1.0, r"reinforcement\s+learning"),
    _term("supervised learning", "ml", 1.0, r"(un|semi\s+)?supervised\s+learning"),
    _term("statistical learning", "ml", 1.0, r"statistical\s+learning"),
    _term("ML", "ml", 0.9, r"ML|MLOps", case_sensitive=True),
    _term("ML library", "ml", 1.0, r"scikit\s*learn|sklearn|tensorflow|pytorch|keras|xgboost"),
    _term("predictive modelling", "ml", 0.9, r"predictive\s+(model(l)?ing|models?|analytics)"),
    _term("recommender system", "ml", 0.9, r"recommend(er|ation)\s+systems?"),
    _term(
        "ML method", "ml", 0.7,
        r"random\s+forests?|gradient\s+boosting|decision\s+trees?|feature\s+engineering|cluster\s+analysis|clustering",
    ),  # fmt: skip
    _term(
        "machine learning (es/pt/fr)", "ml", 1.0,
        r"aprendizaje\s+(autom[aá]tico|profundo)|aprendizado\s+de\s+m[aá]quina|apprentissage\s+automatique",
    ),  # fmt: skip
    # artificial intelligence
    _term(
        "artificial intelligence", "ai", 1.0,
        r"artificial\s+intelligence|intelig[eê]ncia\s+artificial|inteligencia\s+artificial"
        r"|intelligence\s+artificielle|intelligenza\s+artificiale",
    ),  # fmt: skip
    _term("AI", "ai", 0.9, r"AI|A\.I\.?|GenAI", case_sensitive=True),
    _term("generative AI", "ai", 1.0, r"generative\s+(ai|a\.i\.?|models?)"),
    _term("LLM", "ai", 1.0, r"LLMs?", case_sensitive=True),
    _term("large language model", "ai", 1.0, r"large\s+language\s+models?|chatgpt|gpt\s*\d|prompt\s+engineering"),
    _term("natural language processing", "ai", 1.0, r"natural\s+language\s+processing"),
    _term("computer vision", "ai", 1.0, r"computer\s+vision|image\s+recognition|object\s+detection"),
    _term("sentiment analysis", "ai", 0.8, r"sentiment\s+analysis|opencv"),
    _term(
        "intelligent systems", "ai", 0.9,
        r"intelligent\s+(\w+\s+)?(systems?|agents?|robotics|information|computing|processing)|expert\s+systems?",
    ),  # fmt: skip
    _term(
        "language technology", "ai", 0.9,
        r"computational\s+linguistics|language\s+technology|speech\s+and\s+language\s+processing|speech\s+recognition",
    ),  # fmt: skip
    _term("robotics", "ai", 0.5, r"robotics"),
    # data science
    _term(
        "data science", "data_science", 1.0,
        r"data\s+scien(ce|ces|tists?)|ciencias?\s+de\s+(los\s+)?datos|ci[eê]ncia\s+de\s+dados"
        r"|science\s+des\s+donn[ée]es",
    ),  # fmt: skip
    _term("data mining", "data_science", 1.0, r"data\s+mining|miner[ií]a\s+de\s+datos"),
    _term("data analytics", "data_science", 0.9, r"data\s+analytics|anal[ií]tica\s+de\s+datos"),
    _term("big data", "data_science", 0.9, r"big\s+data"),
    _term("data analysis", "data_science", 0.8, r"data\s+analys(is|es|ts?)|an[aá]lisis\s+de\s+datos"),
    _term("analytics", "data_science", 0.6, r"analytics|anal[ií]tica"),
    _term("statistics", "data_science", 0.6, r"statistics|statistical|biostatistics|econometrics|estad[ií]stica"),
    _term("data visualization", "data_science", 0.6, r"data\s+visuali[sz]ation"),
    _term("data engineering", "data_science", 0.6, r"data\s+engineering"),
    _term("business intelligence", "data_science", 0.5, r"business\s+intelligence"),
    _term("data science tool", "data_science", 0.6, r"pandas|numpy|matplotlib|seaborn|pyspark|apache\s+spark|hadoop"),
    _term("statistical method", "data_science", 0.6, r"regression|time\s+series|bayesian|hypothesis\s+testing"),
    _term("probability", "data_science", 0.5, r"probability|forecasting"),
    _term("decision science", "data_science", 0.6, r"decision\s+sciences?"),
    _term("statistics software", "data_science", 0.6, r"SAS|SPSS|Stata", case_sensitive=True),
    _term(
        "geospatial analysis", "data_science", 0.6,
        r"geographic(al)?\s+information\s+(systems?|science)|geomatics|geoinformatics|geospatial|spatial\s+analysis",
    ),  # fmt: skip
)

# Phrases removed before matching: they contain a term but are about something else.
NOT_ABOUT_THE_TOPIC = re.compile(
    r"(google|web|adobe|social\s+media|youtube|facebook|fb|instagram|pinterest|twitter|linkedin|amazon)\s+analytics"
    r"|AI[\s-]powered|built[\s-]in\s+AI|luminar\s+AI",
    re.IGNORECASE,
)
_NLP_COMPUTING_CUE = re.compile(
    r"python|\bdata\b|machine\s+learning|deep\s+learning|neural|\btext\b|language\s+processing|\brnns?\b|bert"
    r"|transformers|spacy|nltk|\bgpt|\bAI\b|tensorflow|pytorch|programming\s+language",
    re.IGNORECASE,
)
_MASTER_OF_LAWS = re.compile(r"\bLL\.?Ms?\b")
_LAW = re.compile(r"\blaws?\b|\blegal\b", re.IGNORECASE)
_NEURO_LINGUISTIC = re.compile(r"neuro[\s-]?linguistic|practitioner|hypnosis|coach", re.IGNORECASE)
NLP_TERM = _term("NLP", "ai", 1.0, r"NLP", case_sensitive=True)


def _any_term(terms) -> re.Pattern:
    """One pass for any of the terms. Every term starts with a word character at the start of a word, so
    a term occurs only where this matches after a word boundary; the boundary makes the pass over a long
    description about three times faster than the bare alternation (tried at every position)."""
    alternatives = "|".join(term.pattern.pattern for term in terms)
    return re.compile(rf"\b(?:{alternatives})")


_ANY_LOWER_CASE_TERM = _any_term(term for term in VOCABULARY if not term.case_sensitive)
_ANY_CASE_SENSITIVE_TERM = _any_term(term for term in (*VOCABULARY, NLP_TERM) if term.case_sensitive)

# A general computing degree, not computing applied to something else ("Nursing Informatics", "Sound
# and Music Computing", "Computational Mechanics" are not routes into ML).
# Portals write it in the plural ("Computer Sciences") and in French and German ("Bachelier en
# informatique", "Informatik").
COMPUTING_DEGREE = re.compile(
    r"\bcomputer\s+sciences?\b|\bcomputing\s+science\b"
    r"|(^|\b(in|of)\s+)(advanced\s+|applied\s+)?computing\b|(^|\b(in|of)\s+)(data\s+)?informatics\b"
    r"|(^|\ben\s+)informatique\b|^informatik\b",
    re.IGNORECASE,
)


# Titles about something else that only borrows the topic: office spreadsheets (Excel courses tagged
# "Data Analysis"; "ChatGPT for Beginners: Save time with Microsoft Excel") and general business or
# management (a "Master of Science in Management" whose description mentions AI).
SPREADSHEET_TITLE = re.compile(r"\b(excel|spreadsheets?|google\s+sheets)\b", re.IGNORECASE)
BUSINESS_TITLE = re.compile(r"\b(management|business|MBA|administration|leadership|marketing)\b", re.IGNORECASE)
# A computing degree specialised away from ML ("Computer Science (Game Development)", "Advanced Computer
# Science-Computer Security", "Computing with Digital Media") is no longer a general route into it.
OTHER_COMPUTING_SPECIALISM = re.compile(
    r"\b(security|cyber\w*|games?|gaming|digital\s+media|multimedia|networks?|networking|web|embedded)\b",
    re.IGNORECASE,
)


@dataclass(frozen=True)
class Relevance:
    topics: tuple[str, ...]  # of ml, ai, data_science; empty for an adjacent computing degree
    score: float  # 0-1
    terms: tuple[str, ...]  # the vocabulary terms found
    rejection: str | None  # why it is off-topic; None when relevant

    @property
    def relevant(self) -> bool:
        return self.rejection is None


@dataclass(frozen=True)
class Match:
    term: Term
    field: str
    strength: float  # term weight x field weight


def assess_relevance(
    title: object,
    description: object = None,
    skills: object = None,
    subject: object = None,
    *,
    is_degree: bool = False,
    curated_topic: str | None = None,
    field_of_study: str | None = None,
) -> Relevance:
    """Topics, score and matched terms; or the reason the listing is off-topic."""
    skill_list = [_searchable(skill) for skill in normalize_skills(skills)]
    fields = {
        "title": _searchable(" ".join(text_items(title))),
        "skills": " ; ".join(skill_list),
        "subject": _searchable(" ".join(text_items(subject))),
        "description": _searchable(" ".join(text_items(description))),
    }
    weights = FIELD_WEIGHTS | {"skills": FIELD_WEIGHTS["skills"] * _topical_share_credit(skill_list)}
    matches = _matches(fields, weights)
    strongest = max((match.strength for match in matches), default=0.0)
    score = _score(matches, strongest)
    topics = _topics(match.term for match in matches)
    terms = tuple(dict.fromkeys(match.term.name for match in matches))
    field_topic = ML_FIELDS_OF_STUDY.get(field_of_study or "")
    if field_topic == ADJACENT and is_degree:
        return Relevance(topics, max(score, ADJACENT_SCORE), terms, None)
    if field_topic not in (None, ADJACENT):
        return Relevance(_topics_with(topics, field_topic), max(score, CURATED_SCORE), terms, None)
    if curated_topic:
        return Relevance(_topics_with(topics, curated_topic), max(score, CURATED_SCORE), terms, None)
    if borrowed := _borrowed_topic(fields["title"], matches):
        return Relevance((), score, terms, borrowed)
    if strongest >= RELEVANT_SCORE:
        return Relevance(topics, score, terms, None)
    if is_degree and _general_computing(fields["title"]):
        return Relevance((), ADJACENT_SCORE, terms, None)
    return Relevance((), score, terms, _rejection(matches))


def _general_computing(title: str) -> bool:
    return bool(COMPUTING_DEGREE.search(title)) and not OTHER_COMPUTING_SPECIALISM.search(title)


def _borrowed_topic(title: str, matches: list[Match]) -> str | None:
    """Why a spreadsheet or business title is off-topic despite its evidence; None when it is not one.
    A spreadsheet title needs an ML or data-science term of its own (an AI assistant in Excel is an
    office tool); a business title needs any term of its own."""
    in_title = {match.term.topic for match in matches if match.field == "title"}
    if SPREADSHEET_TITLE.search(title) and not in_title & {"ml", "data_science"}:
        return "off-topic: a spreadsheet course; ML/AI/data science is not its subject"
    if BUSINESS_TITLE.search(title) and not in_title and matches:
        return "off-topic: a business or management program; ML/AI/data science only outside its title"
    return None


def _topical_share_credit(skills: list[str]) -> float:
    """Full credit when a quarter of the skills are topical, less below: platforms tag broadly, and one
    "Data Analysis" among a finance course's twelve skills is not what the course is about."""
    if not skills:
        return 1.0
    topical = sum(1 for skill in skills if _terms_in(skill, VOCABULARY))
    return min(1.0, topical / len(skills) / SKILLS_SHARE_FOR_FULL_CREDIT)


def _matches(fields: dict[str, str], weights: dict[str, float]) -> list[Match]:
    """The terms found, each once per field, with the strength of that evidence."""
    vocabulary = VOCABULARY + (NLP_TERM,) if _nlp_is_computing(fields) else VOCABULARY
    found = []
    for field_name, text in fields.items():
        if not text:
            continue
        terms = _terms_in(text, vocabulary)
        found.extend(Match(term, field_name, term.weight * weights[field_name]) for term in terms)
    return found


def _nlp_is_computing(fields: dict[str, str]) -> bool:
    """Whether "NLP" here means language processing (a computing cue beside it) rather than
    neuro-linguistic programming; False where no field says "NLP" at all (most listings)."""
    if not any("NLP" in text for text in fields.values()):
        return False
    context = " ".join(fields[name] for name in ("title", "skills", "subject"))
    return bool(_NLP_COMPUTING_CUE.search(context)) and not _NEURO_LINGUISTIC.search(context)


def _terms_in(text: str, vocabulary: tuple[Term, ...]) -> list[Term]:
    lowered = text.lower()
    # Most catalogue rows name no term: one combined search rules them out before the per-term ones.
    if not (_ANY_LOWER_CASE_TERM.search(lowered) or _ANY_CASE_SENSITIVE_TERM.search(text)):
        return []
    return [term for term in vocabulary if term.occurs_in(text, lowered)]


def _score(matches: list[Match], strongest: float) -> float:
    distinct_terms = len({match.term.name for match in matches})
    return round(min(1.0, strongest + EXTRA_TERM_BONUS * max(0, distinct_terms - 1)), 2)


def _topics(terms) -> tuple[str, ...]:
    found = {term.topic for term in terms}
    return tuple(topic for topic in TOPICS if topic in found)


def _topics_with(topics: tuple[str, ...], topic: str) -> tuple[str, ...]:
    return tuple(name for name in TOPICS if name in topics or name == topic)


def _rejection(matches: list[Match]) -> str:
    if not matches:
        return "off-topic: no ML/AI/data-science term in title, skills, subject or description"
    evidence = ", ".join(sorted({f"'{match.term.name}' in {match.field}" for match in matches}))
    return f"off-topic: only weak ML/AI/data-science evidence ({evidence})"


def _searchable(text: str) -> str:
    # Hyphens and underscores read as spaces: "machine-learning" (a subject slug), "AI-powered".
    text = text.replace("_", " ").replace("-", " ")
    # The exclusions are an alternation tried at every position: slow on long text, so run only
    # where one can match.
    if "analytics" in text.lower() or "AI" in text:
        text = NOT_ABOUT_THE_TOPIC.sub(" ", text)
    if "LLM" in text and _LAW.search(text):
        text = _MASTER_OF_LAWS.sub(" ", text)
    return text
