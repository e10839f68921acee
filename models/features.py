"""One feature per trade-off of the seed article, each in [0, 1], each with the phrase that explains it.

The values depend on the program, on the person (budget, hours, months, level, interests) and, for
two features, on the catalogue: the interest match uses a TF-IDF vocabulary fitted on the
catalogue's texts, and quality shrinks ratings towards the catalogue's mean rating.
"""

import math
import re
from collections.abc import Callable, Sequence
from dataclasses import dataclass

import numpy as np
from sklearn.feature_extraction.text import TfidfVectorizer

from models import wording
from models.catalog import CatalogEntry
from models.pace import Pace, available_weeks, total_hours_estimate
from models.profile import LEVELS, Profile

# Without a budget or months, fit is judged against the seed's scales: certificates cost hundreds of
# dollars and take months, degrees cost thousands and take years. Half fit at $1,000 and at a year.
REFERENCE_COST_USD = 1000
REFERENCE_WEEKS = 52
DEEPEST_HOURS = 6000  # depth: log scale up to a doctorate

INDUSTRY_PARTNERS = (
    "Google", "IBM", "Microsoft", "AWS", "Amazon Web Services", "Amazon", "Meta", "Facebook",
    "DeepLearning.AI", "NVIDIA", "Databricks", "SAS", "Salesforce", "Oracle", "Intel", "Tableau",
    "Cisco", "Snowflake", "Hugging Face",
)
_PARTNER_PATTERN = re.compile(
    r"(?<![A-Za-z])(" + "|".join(re.escape(name) for name in INDUSTRY_PARTNERS) + r")(?![A-Za-z])",
    re.IGNORECASE,
)
_UNIVERSITY_PATTERN = re.compile(
    r"\b(university|universit[äéà]t?|college|institute|école|school|polytechnic|MIT|ETH|EPFL)\b",
    re.IGNORECASE,
)

RECOGNITION_BY_CREDENTIAL = {
    "doctorate": 1.0, "master": 0.9, "bachelor": 0.85, "associate": 0.6, "graduate_certificate": 0.55,
    "professional_certificate": 0.35, "bootcamp": 0.25, "specialization": 0.25, "course": 0.15,
}
INDUSTRY_BY_CREDENTIAL = {
    "professional_certificate": 0.6, "bootcamp": 0.55, "specialization": 0.4, "course": 0.3,
    "graduate_certificate": 0.25, "associate": 0.2, "master": 0.2, "bachelor": 0.15, "doctorate": 0.05,
}
COHORT_CREDENTIALS = frozenset({"bootcamp", "graduate_certificate", "associate", "bachelor", "master", "doctorate"})


@dataclass(frozen=True)
class FeatureContext:
    """What a feature's phrase needs: the program, its pace, the person, and the matched interest terms."""

    entry: CatalogEntry
    pace: Pace
    profile: Profile
    matched_terms: tuple[str, ...] = ()


@dataclass(frozen=True)
class Feature:
    name: str
    trade_off: str  # the seed article's term
    phrase: Callable[[FeatureContext], str | None]  # the reason when it is a strength; None: nothing to say
    strength_from: float = 0.5  # the value from which it counts as a strength


# -- values ------------------------------------------------------------------------------------


def cost_fit(entry: CatalogEntry, pace: Pace, profile: Profile) -> float:
    cost, budget = pace.cost_usd, profile.budget
    if cost is None:
        return 0.0
    if cost <= 0:
        return 1.0
    if budget is None:
        return 1 / (1 + cost / REFERENCE_COST_USD)
    if budget <= 0:
        return 0.0
    return 1 - 0.5 * cost / budget if cost <= budget else 0.5 * budget / cost


def time_fit(entry: CatalogEntry, pace: Pace, profile: Profile) -> float:
    if pace.weeks is None:
        return 0.0
    if profile.months is None:
        return 1 / (1 + pace.weeks / REFERENCE_WEEKS)
    available = available_weeks(profile.months)
    return 1 - 0.5 * pace.weeks / available if pace.weeks <= available else 0.5 * available / pace.weeks


def flexibility_fit(entry: CatalogEntry, pace: Pace, profile: Profile) -> float:
    pacing = {"self_paced": 0.5, "scheduled": 0.0}.get(entry.pacing or "", 0.2)
    delivery = {"online": 0.5, "hybrid": 0.25, "on_campus": 0.0}.get(entry.delivery or "", 0.1)
    return pacing + delivery


def level_fit(entry: CatalogEntry, pace: Pace, profile: Profile) -> float:
    if profile.level is None or entry.level not in LEVELS:
        return 0.5
    distance = abs(LEVELS.index(entry.level) - LEVELS.index(profile.level))
    return (1.0, 0.5, 0.0)[distance]


def recognition(entry: CatalogEntry, pace: Pace, profile: Profile) -> float:
    value = RECOGNITION_BY_CREDENTIAL.get(entry.credential, 0.15)
    if entry.kind != "degree" and university_name(entry):
        value += 0.15
    return _clip(value)


def depth(entry: CatalogEntry, pace: Pace, profile: Profile) -> float:
    hours, _stated = total_hours_estimate(entry)
    return _clip(math.log1p(hours) / math.log1p(DEEPEST_HOURS))


def industry_relevance(entry: CatalogEntry, pace: Pace, profile: Profile) -> float:
    value = INDUSTRY_BY_CREDENTIAL.get(entry.credential, 0.3)
    if industry_partner(entry):
        value += 0.4
    return _clip(value)


def networking(entry: CatalogEntry, pace: Pace, profile: Profile) -> float:
    delivery = {"on_campus": 1.0, "hybrid": 0.7, "online": 0.15}.get(entry.delivery or "", 0.3)
    pacing = {"scheduled": 1.0, "self_paced": 0.0}.get(entry.pacing or "", 0.3)
    cohort = 1.0 if entry.credential in COHORT_CREDENTIALS else 0.0
    return 0.45 * delivery + 0.25 * pacing + 0.3 * cohort


def outcomes(entry: CatalogEntry, pace: Pace, profile: Profile) -> float:
    """No outcomes (earnings, debt) in the catalogue yet: neutral for every program."""
    return 0.5


def industry_partner(entry: CatalogEntry) -> str | None:
    for name in (entry.provider, entry.institution):
        match = _PARTNER_PATTERN.search(name or "")
        if match:
            return _canonical_partner(match.group(1))
    return None


def university_name(entry: CatalogEntry) -> str | None:
    for name in (entry.institution, entry.provider):
        # "SAS Institute" is a company: an industry partner's name is never a university's.
        if name and _UNIVERSITY_PATTERN.search(name) and not _PARTNER_PATTERN.search(name):
            return name
    return None


def _canonical_partner(found: str) -> str:
    return next(name for name in INDUSTRY_PARTNERS if name.lower() == found.lower())


def _clip(value: float) -> float:
    return min(1.0, max(0.0, value))


# -- phrases -----------------------------------------------------------------------------------


def interest_phrase(context: FeatureContext) -> str | None:
    if not context.matched_terms:
        return None
    interests = " ".join(context.profile.interests.split())
    shown = interests if len(interests) <= 60 else interests[:57].rstrip() + "..."
    if [term.casefold() for term in context.matched_terms] == [interests.casefold()]:
        return f"matches your interest in {shown}"
    return f"matches your interest in {shown} ({', '.join(context.matched_terms)})"


def cost_phrase(context: FeatureContext) -> str | None:
    entry, pace, budget = context.entry, context.pace, context.profile.budget
    cost = pace.cost_usd
    if cost is None:
        return None
    if cost <= 0:
        return "free: cost-effective"
    if entry.cost_model == "free_audit":
        text = f"free to audit; the certificate costs {wording.money(cost)}"
    elif pace.monthly_usd is not None and pace.months_billed is not None:
        text = (
            f"costs about {wording.money(cost)} at your pace "
            f"({wording.money(pace.monthly_usd)}/month for {wording.months(pace.months_billed)})"
        )
    else:
        text = f"costs {wording.money(cost)}"
    if budget is not None and cost <= budget:
        return f"{text}, within your {wording.money(budget)} budget"
    return f"{text}: cost-effective" if budget is None and cost < 1000 else text


def time_phrase(context: FeatureContext) -> str | None:
    pace, profile = context.pace, context.profile
    if pace.weeks is None:
        return None
    if pace.weeks_basis == "listed":
        text = f"listed as {wording.weeks(pace.weeks)}"
    else:
        text = f"about {wording.weeks(pace.weeks)} at your {wording.hours_per_week(profile.hours_per_week)}"
    if profile.months is not None and pace.weeks <= available_weeks(profile.months) + 1e-6:
        return f"{text}, within your {wording.months(profile.months)}"
    return f"{text}: a quick turnaround" if profile.months is None and pace.weeks <= 26 else text


def flexibility_phrase(context: FeatureContext) -> str | None:
    self_paced = context.entry.pacing == "self_paced"
    delivery = context.entry.delivery
    if self_paced and delivery == "online":
        return "self-paced and online: fits around work"
    if self_paced:
        return "self-paced: learn on your own schedule"
    if delivery == "online":
        return "online: study from anywhere"
    if delivery == "hybrid":
        return "hybrid: partly online"
    return None


def level_phrase(context: FeatureContext) -> str | None:
    level = context.profile.level
    if level is None or context.entry.level != level:
        return None
    return f"{level} level, matching yours"


def recognition_phrase(context: FeatureContext) -> str | None:
    entry = context.entry
    awarded_by = entry.institution or entry.provider
    if entry.credential == "graduate_certificate":
        return f"graduate certificate from {awarded_by}: carries academic credit" if awarded_by else None
    if entry.kind == "degree":
        source = f" from {awarded_by}" if awarded_by else ""
        audience = "in research and academia" if context.profile.goal in ("research", "academia") else "by employers"
        return f"{wording.with_article(wording.credential(entry.credential))}{source}: widely recognised {audience}"
    university = university_name(entry)
    return f"from {university}: a university's name behind it" if university else None


def depth_phrase(context: FeatureContext) -> str | None:
    hours, stated = total_hours_estimate(context.entry)
    if stated:
        return f"comprehensive: about {hours:,.0f} hours of study"
    if context.entry.kind == "degree":
        noun = wording.with_article(wording.credential(context.entry.credential))
        return f"comprehensive: {noun} typically means about {hours:,.0f} hours of study"
    return None


def industry_phrase(context: FeatureContext) -> str | None:
    entry = context.entry
    partner = industry_partner(entry)
    credential = wording.credential(entry.credential)
    if partner and entry.credential in ("professional_certificate", "specialization", "bootcamp"):
        return f"{credential} from {partner}: industry-relevant"
    if partner:
        return f"from {partner}, an industry partner: industry-relevant"
    if entry.credential in ("professional_certificate", "bootcamp"):
        return f"{credential}: designed around industry needs"
    return None


def networking_phrase(context: FeatureContext) -> str | None:
    entry = context.entry
    if entry.delivery == "on_campus":
        return "on campus: networking with students, professors and industry"
    if entry.delivery == "hybrid":
        return "hybrid with campus time: networking with peers and professors"
    if entry.pacing == "scheduled":
        return "scheduled cohort: networking with peers"
    return None


def quality_phrase(context: FeatureContext) -> str | None:
    rating, count = context.entry.rating, context.entry.rating_count
    if rating is None:
        return None
    if count:
        return f"rated {rating:.1f} from {count:,} ratings"
    return f"rated {rating:.1f}"


FEATURES: tuple[Feature, ...] = (
    Feature("interest_match", "your interests", interest_phrase, strength_from=0.3),
    Feature("cost_fit", "cost-effective", cost_phrase),
    Feature("time_fit", "quick turnaround", time_phrase),
    Feature("flexibility_fit", "flexibility", flexibility_phrase),
    Feature("level_fit", "your level", level_phrase, strength_from=1.0),
    Feature("recognition", "recognition", recognition_phrase),
    Feature("depth", "comprehensive depth", depth_phrase, strength_from=0.6),
    Feature("industry_relevance", "industry-relevant", industry_phrase),
    Feature("networking", "networking", networking_phrase),
    Feature("quality", "quality", quality_phrase, strength_from=0.6),
    Feature("outcomes", "outcomes", lambda context: None, strength_from=2.0),
)
FEATURE_NAMES: tuple[str, ...] = tuple(feature.name for feature in FEATURES)
FEATURE_BY_NAME: dict[str, Feature] = {feature.name: feature for feature in FEATURES}

_PER_PROGRAM_VALUES: dict[str, Callable[[CatalogEntry, Pace, Profile], float]] = {
    "cost_fit": cost_fit,
    "time_fit": time_fit,
    "flexibility_fit": flexibility_fit,
    "level_fit": level_fit,
    "recognition": recognition,
    "depth": depth,
    "industry_relevance": industry_relevance,
    "networking": networking,
    "outcomes": outcomes,
}


class ProgramFeaturizer:
    """Turns (programs, person) into the feature matrix. Fitted on the catalogue.

    Not a scikit-learn transformer (its input is programs plus a profile, not an array); it follows
    the same habits: parameters set as given, `fit` learns, fitted attributes end in `_`.

    Fitted: `vectorizer_` (TF-IDF over title, description and skills), `rating_mean_` and
    `rating_prior_count_` (the Bayesian average's prior: the catalogue's mean rating, counted as
    that many ratings; by default the median rating count of rated programs).
    """

    def __init__(self, interest_scale: float = 0.25, rating_prior_count: float | None = None):
        self.interest_scale = interest_scale
        self.rating_prior_count = rating_prior_count

    def fit(self, catalog: Sequence[CatalogEntry]) -> "ProgramFeaturizer":
        self.vectorizer_ = TfidfVectorizer(
            stop_words="english", ngram_range=(1, 2), sublinear_tf=True, strip_accents="unicode"
        ).fit([entry.text for entry in catalog] or ["machine learning"])
        rated = [entry for entry in catalog if entry.rating is not None]
        self.rating_mean_ = float(np.mean([entry.rating for entry in rated])) if rated else 4.0
        counts = [entry.rating_count for entry in rated if entry.rating_count]
        default_count = float(np.median(counts)) if counts else 1.0
        self.rating_prior_count_ = float(self.rating_prior_count or max(1.0, default_count))
        return self

    def features(self, entries: Sequence[CatalogEntry], profile: Profile, paces: dict[int, Pace]) -> np.ndarray:
        """The (programs x FEATURES) matrix, every value in [0, 1]."""
        matrix = np.zeros((len(entries), len(FEATURES)))
        for column, name in enumerate(FEATURE_NAMES):
            if name in _PER_PROGRAM_VALUES:
                value = _PER_PROGRAM_VALUES[name]
                matrix[:, column] = [value(entry, paces[entry.id], profile) for entry in entries]
        matrix[:, FEATURE_NAMES.index("interest_match")] = self.interest_match(entries, profile.interests)
        matrix[:, FEATURE_NAMES.index("quality")] = [self.quality(entry) for entry in entries]
        return matrix

    def interest_match(self, entries: Sequence[CatalogEntry], interests: str) -> np.ndarray:
        if not interests.strip() or not entries:
            return np.zeros(len(entries))
        query = self.vectorizer_.transform([interests])
        programs = self.vectorizer_.transform([entry.text for entry in entries])
        cosine = (programs @ query.T).toarray().ravel()  # rows are L2-normalised
        # Good matches of a short query have cosines of 0.3-0.6 on the real catalogue: a smooth
        # saturation spreads them over [0, 1] without capping (0.1 -> 0.33, 0.3 -> 0.70, 0.6 -> 0.91).
        return 1.0 - np.exp(-cosine / self.interest_scale)

    def quality(self, entry: CatalogEntry) -> float:
        """The Bayesian average rating on a 5-point scale, mapped from [3, 5] to [0, 1]."""
        prior_count = self.rating_prior_count_
        count = float(entry.rating_count or 0) if entry.rating is not None else 0.0
        rating = entry.rating if entry.rating is not None else self.rating_mean_
        shrunk = (prior_count * self.rating_mean_ + count * rating) / (prior_count + count)
        return _clip((shrunk - 3.0) / 2.0)

    def matched_terms(self, entry: CatalogEntry, interests: str, limit: int = 3) -> tuple[str, ...]:
        """The interest terms the program shares, strongest first (unigrams inside a bigram omitted)."""
        if not interests.strip():
            return ()
        query = self.vectorizer_.transform([interests])
        program = self.vectorizer_.transform([entry.text])
        shared = query.multiply(program).tocoo()
        names = self.vectorizer_.get_feature_names_out()
        ranked = [str(names[index]) for _, index in sorted(zip(-shared.data, shared.col, strict=True))]
        # Bigrams are formed after stop words go and across commas ("analysis with python" ->
        # "analysis python"): show only those the person actually wrote, within one phrase.
        said = [" " + " ".join(re.findall(r"\w+", part)) + " " for part in re.split(r"[,;|/.]+", interests.casefold())]
        phrases = [term for term in ranked if " " not in term or any(f" {term} " in part for part in said)]
        return tuple(_without_covered_words(phrases))[:limit]

    def __repr__(self) -> str:
        return (
            f"ProgramFeaturizer(interest_scale={self.interest_scale!r}, "
            f"rating_prior_count={self.rating_prior_count!r})"
        )


def _without_covered_words(terms: list[str]) -> list[str]:
    """"deep learning" rather than "deep", "learning" and "deep learning"."""
    covered = {word for term in terms if " " in term for word in term.split()}
    return [term for term in terms if " " in term or term not in covered]
