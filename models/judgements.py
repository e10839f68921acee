"""Graded judgements for training and evaluation, as the ground truth writes them.

- `evaluation/personas.toml`: `[[persona]]` tables, each an `id` plus profile keys (models.profile);
  other keys (a name, a note) are ignored.
- `evaluation/judgements.csv`: columns persona_id, source, source_id, grade (0-3), reader, note. A
  program is named by (source, source_id) of one of its source records, never by a database id.
Several readers' grades of one (persona, program) are averaged. A row that cannot be used is
counted and skipped with a reason, never guessed.
"""

import csv
import tomllib
from collections import defaultdict
from dataclasses import dataclass, field
from pathlib import Path

from sqlalchemy import Engine, select, tuple_

from models.profile import Profile, ProfileError
from models.train import Judgement
from pipeline.store.db import reader_session
from pipeline.store.schema import SourceRecord

EVALUATION_DIR = Path(__file__).resolve().parents[1] / "evaluation"
GRADES = (0, 1, 2, 3)


class JudgementsError(ValueError):
    """A judgements or personas file that cannot be read at all; str() is one line."""


@dataclass
class GroundTruth:
    personas: dict[str, Profile]
    grades: dict[str, dict[tuple[str, str], float]]  # persona -> (source, source_id) -> mean grade
    skipped: list[str] = field(default_factory=list)  # why each unusable row was skipped

    def judgements(self, program_of: dict[tuple[str, str], int]) -> list[Judgement]:
        """Judgements on the programs the catalogue holds (mapped by source record)."""
        found = []
        for persona, graded in self.grades.items():
            for key, grade in graded.items():
                if key in program_of:
                    found.append(Judgement(self.personas[persona], program_of[key], grade))
        return found


def load_personas(path: Path) -> dict[str, Profile]:
    try:
        data = tomllib.loads(Path(path).read_text())
    except (OSError, tomllib.TOMLDecodeError) as error:
        raise JudgementsError(f"{path}: cannot read the personas ({error})") from None
    personas = {}
    keys = set(Profile.model_fields)
    for number, table in enumerate(data.get("persona", []), 1):
        persona_id = str(table.get("id") or "")
        if not persona_id:
            raise JudgementsError(f"{path}: persona {number} has no id")
        values = {key.replace("-", "_"): value for key, value in table.items()}
        try:
            personas[persona_id] = Profile(**{key: value for key, value in values.items() if key in keys})
        except (ValueError, ProfileError) as error:
            raise JudgementsError(f"{path}: persona {persona_id}: {' '.join(str(error).split())[:200]}") from None
    return personas


def load_ground_truth(personas_path: Path, judgements_path: Path) -> GroundTruth:
    personas = load_personas(personas_path)
    sums: dict[str, dict[tuple[str, str], list[float]]] = defaultdict(lambda: defaultdict(list))
    skipped = []
    try:
        with Path(judgements_path).open(newline="", encoding="utf-8") as file:
            for number, row in enumerate(csv.DictReader(file), 2):
                reason = _unusable(row, personas)
                if reason:
                    skipped.append(f"{judgements_path}:{number}: {reason}")
                    continue
                sums[row["persona_id"]][(row["source"], row["source_id"])].append(float(row["grade"]))
    except OSError as error:
        raise JudgementsError(f"{judgements_path}: cannot read the judgements ({error.strerror or error})") from None
    grades = {persona: {key: sum(values) / len(values) for key, values in graded.items()}
              for persona, graded in sums.items()}  # fmt: skip
    return GroundTruth(personas, grades, skipped)


def _unusable(row: dict, personas: dict[str, Profile]) -> str | None:
    if row.get("persona_id") not in personas:
        return f"unknown persona {row.get('persona_id')!r}"
    if not row.get("source") or not row.get("source_id"):
        return "no source or source_id"
    try:
        grade = float(row.get("grade") or "")
    except ValueError:
        return f"grade {row.get('grade')!r} is not a number"
    if grade not in GRADES:
        return f"grade {row.get('grade')!r} is not one of 0, 1, 2, 3"
    return None


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
