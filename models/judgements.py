"""The ground truth as the ranker uses it, read through the labels' own loader (evaluation.labels).

- personas: `evaluation/personas.toml`, each persona's profile keys (and residence) as a Profile;
- grades: the final judgement per (persona, listing) of `load_final`: the resolution where the
  readers disagreed, otherwise the grade they agree on.
A listing is named by (source, source_id) of one of its source records, never by a database id;
`programs_by_source` finds the catalogue's program holding that record.
"""

from collections import defaultdict
from dataclasses import dataclass
from pathlib import Path

from pydantic import ValidationError
from sqlalchemy import Engine, select, tuple_

from evaluation.labels import PROFILE_KEYS, LabelError, load_final, load_personas
from models.profile import Profile
from models.train import Judgement
from pipeline.store.db import reader_session
from pipeline.store.schema import SourceRecord

EVALUATION_DIR = Path(__file__).resolve().parents[1] / "evaluation"
PERSONAS_FILE = "personas.toml"
JUDGEMENTS_FILE = "judgements.csv"


class JudgementsError(ValueError):
    """A personas or judgements file that cannot be used; str() is one line."""


@dataclass
class GroundTruth:
    personas: dict[str, Profile]
    grades: dict[str, dict[tuple[str, str], float]]  # persona -> (source, source_id) -> final grade

    def judgements(self, program_of: dict[tuple[str, str], int]) -> list[Judgement]:
        """Judgements on the programs the catalogue holds (mapped by source record)."""
        return [Judgement(self.personas[persona], program_of[key], grade) for persona, graded in self.grades.items()
                for key, grade in graded.items() if key in program_of]  # fmt: skip


def load_ground_truth(labels_dir: Path) -> GroundTruth:
    """Personas and final grades from a labels folder (personas.toml, judgements.csv, second_pass/)."""
    labels_dir = Path(labels_dir)
    try:
        personas = {table["id"]: _profile(table, labels_dir / PERSONAS_FILE) for table in
                    load_personas(labels_dir / PERSONAS_FILE)}  # fmt: skip
        labels = load_final(labels_dir, "judgements", set(personas))
    except LabelError as error:
        raise JudgementsError(" ".join(str(error).split())) from None
    grades: dict[str, dict[tuple[str, str], float]] = defaultdict(dict)
    for label in labels:
        grades[label.persona_id][(label.key.source, label.key.source_id)] = float(label.grade)
    return GroundTruth(personas, dict(grades))


def _profile(table: dict, path: Path) -> Profile:
    try:
        return Profile(**{key: table[key] for key in (*PROFILE_KEYS, "residence") if key in table})
    except ValidationError as error:
        raise JudgementsError(f"{path}: persona {table['id']}: {' '.join(str(error).split())[:200]}") from None


def programs_by_source(engine: Engine, keys) -> dict[tuple[str, str], int]:
    """(source, source_id) -> program id, for the keys the catalogue's source records hold."""
    keys = list(keys)
    found = {}
    with reader_session(engine) as session:
        for start in range(0, len(keys), 500):
            chunk = keys[start:start + 500]
            rows = session.execute(select(SourceRecord.source, SourceRecord.source_id, SourceRecord.program_id)
                                   .where(tuple_(SourceRecord.source, SourceRecord.source_id).in_(chunk)))  # fmt: skip
            found |= {(source, source_id): program_id for source, source_id, program_id in rows}
    return found
