"""One feature per trade-off of the seed article, each in [0, 1], each with the phrase that explains it.

Two features read the interests: `interest_match` (title, description and skills, with synonyms and
a latent space) and `title_match` (the title alone: a program about the interest, not one listing it
among many tags); both say the same reason, naming the words matched and where.
The program's own features (flexibility, recognition, depth, industry relevance, networking,
quality, outcomes) are computed once per catalogue (models.index); those that depend on the person
(interest match, cost, time, level and goal fit) per query, vectorised (models.person).
"""

import math
import re
from collections.abc import Callable
from dataclasses import dataclass, field

from models import wording
from models.catalog import CatalogEntry
from models.pace import Pace, available_weeks, total_hours_estimate
from models.profile import Profile

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
    matched_terms: dict[str, dict[str, list[str]]] = field(default_factory=dict)  # phrase -> field -> terms


@dataclass(frozen=True)
class Feature:
    name: str
    trade_off: str  # the seed article's term
    phrase: Callable[[FeatureContext], str | None]  # the reason when it is a strength; None: nothing to say
    strength_from: float = 0.5  # the value from which it counts as a strength


# -- values ------------------------------------------------------------------------------------


def flexibility_fit(entry: CatalogEntry) -> float:
    pacing = {"self_paced": 0.5, "scheduled": 0.0}.get(entry.pacing or "", 0.2)
    delivery = {"online": 0.5, "hybrid": 0.25, "on_campus": 0.0}.get(entry.delivery or "", 0.1)
    return pacing + delivery


def recognition(entry: CatalogEntry) -> float:
    value = RECOGNITION_BY_CREDENTIAL.get(entry.credential, 0.15)
    if entry.kind != "degree" and university_name(entry):
        value += 0.15
    return _clip(value)


def depth(entry: CatalogEntry) -> float:
    hours, _stated = total_hours_estimate(entry)
    return _clip(math.log1p(hours) / math.log1p(DEEPEST_HOURS))


def industry_relevance(entry: CatalogEntry) -> float:
    value = INDUSTRY_BY_CREDENTIAL.get(entry.credential, 0.3)
    if industry_partner(entry):
        value += 0.4
    return _clip(value)


def networking(entry: CatalogEntry) -> float:
    delivery = {"on_campus": 1.0, "hybrid": 0.7, "online": 0.15}.get(entry.delivery or "", 0.3)
    pacing = {"scheduled": 1.0, "self_paced": 0.0}.get(entry.pacing or "", 0.3)
    cohort = 1.0 if entry.credential in COHORT_CREDENTIALS else 0.0
    return 0.45 * delivery + 0.25 * pacing + 0.3 * cohort


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
    """Only what the program's own title, skills or description say, naming the words and where."""
    if not context.matched_terms:
        return None
    skills = len(context.entry.skills)
    places = {"title": "title", "description": "description",
              "skills": "its skills" if skills < 5 else f"{skills} listed skills"}  # fmt: skip
    parts = []
    for phrase, where in context.matched_terms.items():
        found = "; ".join(f"{places[field]}: {', '.join(terms)}" for field, terms in where.items())
        parts.append(f"{phrase} ({found})")
    return f"matches your interest in {'; '.join(parts)}"


def outcomes_phrase(context: FeatureContext) -> str | None:
    entry = context.entry
    if entry.earnings_usd is None:
        return None
    graduates = f" ({entry.outcomes_count:,} graduates)" if entry.outcomes_count else ""
    debt = f"; median debt {wording.money(entry.debt_usd)}" if entry.debt_usd is not None else ""
    return f"graduates earned a median {wording.money(entry.earnings_usd)} a year after{graduates}{debt}"


def goal_phrase(context: FeatureContext) -> str | None:
    entry, profile = context.entry, context.profile
    if profile.goal in ("research", "academia") and entry.kind == "degree":
        first = ""
        if entry.credential == "bachelor" and not profile.has_degree:
            first = " first, since you have no degree yet"
        return f"a {wording.credential(entry.credential)}{first}: the route research and academia expect"
    if profile.goal in ("industry", "career-switch") and entry.kind == "certification":
        return f"a {wording.credential(entry.credential)}: a quick, industry-relevant way in"
    return None


def cost_phrase(context: FeatureContext) -> str | None:
    entry, pace, budget = context.entry, context.pace, context.profile.budget
    cost = pace.cost_usd
    if cost is None:
        return None
    if cost <= 0:
        return "free: cost-effective"
    if entry.cost_model == "free_audit" and budget is not None and cost > budget:
        return f"free to learn (audit); the certificate would cost {wording.money(cost)}"
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
    Feature("outcomes", "outcomes", outcomes_phrase, strength_from=0.55),
    Feature("goal_fit", "your goal", goal_phrase, strength_from=0.7),
    Feature("title_match", "your interests", interest_phrase, strength_from=0.3),
)
INTEREST_FEATURES = ("interest_match", "title_match")
FEATURE_NAMES: tuple[str, ...] = tuple(feature.name for feature in FEATURES)
FEATURE_BY_NAME: dict[str, Feature] = {feature.name: feature for feature in FEATURES}
