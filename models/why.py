"""Why one program ranks where it does for a person, or which constraints keep it out (`mlpath show`).

A thin layer over candidates, explain and recommend: the rank is the one `mlpath recommend` would
give it with k large enough to reach it.
"""

import re
from collections.abc import Iterable
from pathlib import Path

from sqlalchemy import Engine

from models.catalog import CatalogEntry, load_catalog
from models.profile import Profile


def program_entries(engine: Engine, ids: Iterable[int]) -> dict[int, CatalogEntry]:
    """The catalogue entries of these programs, by id (ids not in the catalogue are left out)."""
    wanted = set(ids)
    return {entry.id: entry for entry in load_catalog(engine) if entry.id in wanted}


def explain_program(engine: Engine, profile: Profile, program_id: int, models_dir: Path | None = None) -> dict:
    """{"status": "ranked", "rank", "of", "relaxed", "score", "reasons"} or {"status": "excluded",
    "constraints": [names], "reasons"}; raises KeyError for an id not in the catalogue."""
    # Imported here: they bring scikit-learn, which `show` without a profile does not need.
    from models.candidates import failed_constraints, generate_candidates
    from models.explain import weaknesses
    from models.features import FeatureContext
    from models.recommend import recommend

    catalog = load_catalog(engine)
    entry = next((entry for entry in catalog if entry.id == program_id), None)
    if entry is None:
        raise KeyError(program_id)
    candidates = generate_candidates(catalog, profile)
    pace = candidates.paces[program_id]
    if all(candidate.id != program_id for candidate in candidates.entries):
        reasons = weaknesses(FeatureContext(entry, pace, profile)) + _prerequisite_reasons(entry, profile)
        return {"status": "excluded", "constraints": failed_constraints(entry, pace, profile), "reasons": reasons}
    answer = recommend(engine, profile, k=len(candidates.entries), models_dir=models_dir)
    ranked = {"status": "ranked", "of": answer["candidates"], "relaxed": answer["relaxed"]}
    for result in answer["results"]:
        if result["program_id"] == program_id:
            return {**ranked, "rank": result["rank"], "score": result["score"], "reasons": result["reasons"]}
    # recommend shows one listing per title: this one stands behind a twin with the same title.
    twin = next((result for result in answer["results"] if _same_title(result["title"], entry.title)), None)
    if twin is None:
        return {**ranked, "rank": None, "score": None, "reasons": ["another listing with the same title ranks instead"]}
    reasons = [f"shown as program {twin['program_id']}, another listing with the same title, ranked {twin['rank']}"]
    return {**ranked, "rank": twin["rank"], "score": twin["score"], "reasons": reasons + twin["reasons"]}


def _prerequisite_reasons(entry: CatalogEntry, profile: Profile) -> list[str]:
    from models import wording
    from models.candidates import DEGREE_REQUIRED

    if entry.credential in DEGREE_REQUIRED and profile.has_degree is False:
        return [f"{wording.with_article(wording.credential(entry.credential))} needs a first degree: you have none"]
    if entry.credential == "doctorate" and profile.has_degree is not True:
        return ["a doctorate needs a degree: say --has-degree if you hold one"]
    return []


def _same_title(first: str, second: str) -> bool:
    return re.sub(r"\W+", " ", first.casefold()).split() == re.sub(r"\W+", " ", second.casefold()).split()
