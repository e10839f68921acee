"""What training learns from: the ground-truth judgements (models.judgements) and users' feedback
(models.feedback), both mapped from (source, source_id) to the catalogue's programs."""

from dataclasses import dataclass, field
from pathlib import Path

from sqlalchemy import Engine

from models.feedback import GRADE, feedback_rows
from models.judgements import EVALUATION_DIR, JUDGEMENTS_FILE, PERSONAS_FILE, load_ground_truth, programs_by_source
from models.profile import Profile
from models.train import Judgement


@dataclass
class MappedTruth:
    personas: dict[str, Profile] = field(default_factory=dict)
    grades: dict[str, dict[int, float]] = field(default_factory=dict)  # persona -> program id -> grade
    judgements: list[Judgement] = field(default_factory=list)
    skipped: list[str] = field(default_factory=list)


def ground_truth(engine: Engine, evaluation_dir: Path | None = None) -> MappedTruth:
    """The ground truth on the programs the catalogue holds; empty when the files are not there."""
    folder = Path(evaluation_dir or EVALUATION_DIR)
    if not (folder / PERSONAS_FILE).exists() or not (folder / JUDGEMENTS_FILE).exists():
        return MappedTruth()
    truth = load_ground_truth(folder)
    keys = {key for graded in truth.grades.values() for key in graded}
    program_of = programs_by_source(engine, keys)
    grades = {persona: {program_of[key]: grade for key, grade in graded.items() if key in program_of}
              for persona, graded in truth.grades.items()}  # fmt: skip
    missing = len(keys - set(program_of))
    skipped = [f"{missing} judged listings are not in the catalogue"] if missing else []
    return MappedTruth(truth.personas, grades, truth.judgements(program_of), skipped)


def feedback_judgements(engine: Engine) -> list[Judgement]:
    """Every feedback given with a profile, as a judgement: dismissed 0, liked 2, enrolled 3."""
    rows = [row for row in feedback_rows(engine) if row[3]]
    program_of = programs_by_source(engine, {(source, source_id) for source, source_id, _, _ in rows})
    return [Judgement(Profile(**profile), program_of[(source, source_id)], GRADE[action])
            for source, source_id, action, profile in rows if (source, source_id) in program_of]  # fmt: skip
