"""Feedback: a user likes, dismisses or enrolled in a program; dismissed programs leave their lists,
and every feedback with the profile of the user's latest list becomes a judgement for training.

Feedback names the program by its first source record (source, source_id), which survives a rebuilt
database, never by the database id.
"""

import getpass
import json
import os
from datetime import UTC, datetime
from pathlib import Path

from sqlalchemy import Engine, inspect, select

from pipeline.store.db import reader_session, writer_session
from pipeline.store.schema import Feedback, SourceRecord

ACTIONS = ("like", "dismiss", "enrolled")
GRADE = {"dismiss": 0.0, "like": 2.0, "enrolled": 3.0}  # on the judgements' 0-3 scale


class UnknownProgramError(LookupError):
    def __init__(self, program_id: int) -> None:
        super().__init__(f"no program with id {program_id} in the catalogue")


def user_name(given: str | None = None) -> str:
    return given or os.environ.get("MLPATH_USER") or getpass.getuser()


def has_feedback_table(engine: Engine) -> bool:
    return inspect(engine).has_table("feedback")


def record(engine: Engine, program_id: int, action: str, user: str, profile: dict | None = None) -> tuple[str, str]:
    """Store (or replace) the user's feedback on a program; returns the (source, source_id) it is kept under."""
    if action not in ACTIONS:
        raise ValueError(f"action must be one of {'|'.join(ACTIONS)}, got {action}")
    with writer_session(engine) as session:
        first = session.execute(
            select(SourceRecord.source, SourceRecord.source_id)
            .where(SourceRecord.program_id == program_id).order_by(SourceRecord.id).limit(1)
        ).first()  # fmt: skip
        if first is None:
            raise UnknownProgramError(program_id)
        existing = session.execute(
            select(Feedback).where(Feedback.user == user, Feedback.source == first.source,
                                   Feedback.source_id == first.source_id)
        ).scalar_one_or_none()  # fmt: skip
        if existing is None:
            session.add(Feedback(user=user, source=first.source, source_id=first.source_id, action=action,
                                 profile=profile, created=datetime.now(UTC).replace(tzinfo=None)))  # fmt: skip
        else:
            existing.action, existing.profile = action, profile
            existing.created = datetime.now(UTC).replace(tzinfo=None)
    return first.source, first.source_id


def dismissed_programs(engine: Engine, user: str) -> set[int]:
    """The program ids this user dismissed (through any source record of the program)."""
    if not has_feedback_table(engine):
        return set()
    with reader_session(engine) as session:
        rows = session.execute(
            select(SourceRecord.program_id).join(
                Feedback, (Feedback.source == SourceRecord.source) & (Feedback.source_id == SourceRecord.source_id)
            ).where(Feedback.user == user, Feedback.action == "dismiss")
        ).scalars()  # fmt: skip
        return set(rows)


def feedback_rows(engine: Engine) -> list[tuple[str, str, str, dict | None]]:
    """(source, source_id, action, profile) of every feedback, for training."""
    if not has_feedback_table(engine):
        return []
    with reader_session(engine) as session:
        return [tuple(row) for row in session.execute(
            select(Feedback.source, Feedback.source_id, Feedback.action, Feedback.profile))]  # fmt: skip


def remember_profile(home: Path, user: str, profile: dict) -> None:
    """The profile of the user's latest list: feedback given afterwards is judged against it."""
    path = Path(home) / "profiles" / f"{_safe(user)}.json"
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(json.dumps(profile, sort_keys=True))


def last_profile(home: Path, user: str) -> dict | None:
    path = Path(home) / "profiles" / f"{_safe(user)}.json"
    try:
        return json.loads(path.read_text())
    except (OSError, ValueError):
        return None


def _safe(user: str) -> str:
    return "".join(character if character.isalnum() or character in "-_." else "_" for character in user)
