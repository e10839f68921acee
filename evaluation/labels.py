"""Load and validate the labels: personas, relevance labels, duplicate labels and ranking judgements.

Every label names a listing by its stable key (source, source_id). A bad row raises LabelError naming
the file, the line and the value; nothing is half-loaded. Unlabelled rows (empty label column) are
skipped: a drawn sample that is only partly labelled loads as what is labelled.

A set's labels live in the first reader's file (`relevance.csv`, ...) and in the second pass
(`second_pass/relevance_b.csv`, ...); disagreements are settled in `second_pass/resolutions.csv`.
`load_readers` gives every reader's labels of a set, `load_final` one label per item: the resolution
where one exists, otherwise the label the readers agree on.
"""

import csv
import tomllib
from dataclasses import dataclass
from pathlib import Path

import pycountry

# The profile keys of models/profile.py (evaluation may not import models: it judges them).
GOALS = ("industry", "career-switch", "upskill", "research", "academia")
DELIVERIES = ("online", "on-campus", "hybrid", "any")
LEVELS = ("beginner", "intermediate", "advanced")
PROFILE_KEYS = (
    "goal", "budget", "hours_per_week", "months", "delivery", "self_paced", "level", "has_degree",
    "interests", "country", "language",
)
PERSONA_KEYS = ("id", "story", "residence", *PROFILE_KEYS)
GRADES = (0, 1, 2, 3)
SETS = ("relevance", "duplicates", "judgements")
SECOND_PASS = "second_pass"
RESOLUTIONS = "resolutions.csv"
RESOLVED = "resolved"  # the reader of a resolution
RESOLUTION_COLUMNS = ("set", "persona_id", "source", "source_id", "source_b", "source_id_b", "label", "note")


class LabelError(ValueError):
    """A label file that cannot be used; str() is one line naming the file, line and value."""


@dataclass(frozen=True)
class Key:
    source: str
    source_id: str


@dataclass(frozen=True)
class RelevanceLabel:
    key: Key
    relevant: bool
    reason: str
    reader: str


@dataclass(frozen=True)
class DuplicateLabel:
    a: Key
    b: Key
    same: bool
    band: str
    reader: str
    note: str


@dataclass(frozen=True)
class Judgement:
    persona_id: str
    key: Key
    grade: int
    reader: str
    note: str


def load_personas(path: Path) -> list[dict]:
    try:
        with Path(path).open("rb") as file:
            personas = tomllib.load(file).get("persona", [])
    except OSError as error:
        raise LabelError(f"{path}: cannot read it ({error.strerror or error})") from None
    except tomllib.TOMLDecodeError as error:
        raise LabelError(f"{path}: not valid TOML ({error})") from None
    seen: set[str] = set()
    for number, persona in enumerate(personas, start=1):
        where = f"{path}: persona {number} ({persona.get('id', 'no id')})"
        _check_persona(persona, where)
        if persona["id"] in seen:
            raise LabelError(f"{where}: id {persona['id']!r} used twice")
        seen.add(persona["id"])
    return personas


def _check_persona(persona: dict, where: str) -> None:
    unknown = sorted(set(persona) - set(PERSONA_KEYS))
    if unknown:
        raise LabelError(f"{where}: unknown key {unknown[0]!r}")
    for key in ("id", "story", "goal", "interests", "residence"):
        if not persona.get(key):
            raise LabelError(f"{where}: {key} missing")
    for key, choices in (("goal", GOALS), ("delivery", DELIVERIES), ("level", LEVELS)):
        if key in persona and persona[key] not in choices:
            raise LabelError(f"{where}: {key} must be one of {'|'.join(choices)}, got {persona[key]!r}")
    if persona.get("budget", 0) < 0:
        raise LabelError(f"{where}: budget must be >= 0, got {persona['budget']}")
    if not 0 < persona.get("hours_per_week", 10) <= 168:
        raise LabelError(f"{where}: hours_per_week must be in (0, 168], got {persona['hours_per_week']}")
    for key in ("country", "residence"):
        if key in persona and pycountry.countries.get(alpha_2=str(persona[key])) is None:
            raise LabelError(f"{where}: {key} must be an ISO 3166-1 alpha-2 code, got {persona[key]!r}")


def load_relevance(path: Path) -> list[RelevanceLabel]:
    labels = []
    for line, row in _rows(path, ("source", "source_id", "relevant", "reason", "reader")):
        if row["relevant"] == "":
            continue
        relevant = _choice(row["relevant"], ("0", "1"), path, line, "relevant")
        key, reader = _key(row, "", path, line), _reader(row, path, line)
        labels.append(RelevanceLabel(key, relevant == "1", row["reason"], reader))
    _no_repeats(path, [(label.key, label.reader) for label in labels])
    return labels


def load_duplicates(path: Path) -> list[DuplicateLabel]:
    labels = []
    columns = ("band", "source_a", "source_id_a", "source_b", "source_id_b", "same", "reader", "note")
    for line, row in _rows(path, columns):
        if row["same"] == "":
            continue
        same = _choice(row["same"], ("0", "1"), path, line, "same")
        a, b = sorted((_key(row, "_a", path, line), _key(row, "_b", path, line)), key=lambda k: (k.source, k.source_id))
        if a == b:
            raise LabelError(f"{path}:{line}: a pair of {a.source} {a.source_id} with itself")
        labels.append(DuplicateLabel(a, b, same == "1", row["band"], _reader(row, path, line), row["note"]))
    _no_repeats(path, [((label.a, label.b), label.reader) for label in labels])
    return labels


def load_judgements(path: Path, persona_ids: set[str]) -> list[Judgement]:
    labels = []
    for line, row in _rows(path, ("persona_id", "source", "source_id", "grade", "reader", "note")):
        if row["grade"] == "":
            continue
        if row["persona_id"] not in persona_ids:
            raise LabelError(f"{path}:{line}: unknown persona_id {row['persona_id']!r}")
        grade = int(_choice(row["grade"], tuple(str(grade) for grade in GRADES), path, line, "grade"))
        key, reader = _key(row, "", path, line), _reader(row, path, line)
        labels.append(Judgement(row["persona_id"], key, grade, reader, row["note"]))
    _no_repeats(path, [((label.persona_id, label.key), label.reader) for label in labels])
    return labels


def _rows(path: Path, columns: tuple[str, ...]):
    try:
        with Path(path).open(newline="", encoding="utf-8") as file:
            reader = csv.DictReader(file)
            missing = [column for column in columns if column not in (reader.fieldnames or [])]
            if missing:
                raise LabelError(f"{path}: column {missing[0]!r} missing")
            rows = [(line, {key: (value or "").strip() for key, value in row.items() if key}) for line, row in
                    enumerate(reader, start=2)]
    except OSError as error:
        raise LabelError(f"{path}: cannot read it ({error.strerror or error})") from None
    return rows


def _key(row: dict, suffix: str, path: Path, line: int) -> Key:
    source, source_id = row[f"source{suffix}"], row[f"source_id{suffix}"]
    if not source or not source_id:
        raise LabelError(f"{path}:{line}: source{suffix} and source_id{suffix} must both be given")
    return Key(source, source_id)


def _choice(value: str, choices: tuple[str, ...], path: Path, line: int, column: str) -> str:
    if value not in choices:
        raise LabelError(f"{path}:{line}: {column} must be one of {'|'.join(choices)}, got {value!r}")
    return value


def _reader(row: dict, path: Path, line: int) -> str:
    if not row["reader"]:
        raise LabelError(f"{path}:{line}: reader missing")
    return row["reader"]


def _no_repeats(path: Path, keys: list) -> None:
    seen = set()
    for key in keys:
        if key in seen:
            raise LabelError(f"{path}: {key} labelled twice by the same reader")
        seen.add(key)


def item(label) -> Key | tuple:
    """What a label is about, the same for every reader: a listing, a pair, or a persona and a listing."""
    if isinstance(label, RelevanceLabel):
        return label.key
    if isinstance(label, DuplicateLabel):
        return (label.a, label.b)
    return (label.persona_id, label.key)


def value(label):
    """The label itself: relevant, same, or the grade."""
    if isinstance(label, RelevanceLabel):
        return label.relevant
    if isinstance(label, DuplicateLabel):
        return label.same
    return label.grade


def label_files(labels_dir: Path, name: str) -> list[Path]:
    """The first reader's file of a set and the second pass's files of it (`second_pass/<set>_<reader>.csv`)."""
    return [Path(labels_dir) / f"{name}.csv", *sorted((Path(labels_dir) / SECOND_PASS).glob(f"{name}_*.csv"))]


def load_readers(labels_dir: Path, name: str, persona_ids: set[str] | None = None) -> list:
    """Every reader's labels of one set (relevance, duplicates or judgements; judgements need persona_ids)."""
    if name not in SETS:
        raise LabelError(f"unknown label set {name!r}: one of {'|'.join(SETS)}")
    labels = []
    for path in label_files(labels_dir, name):
        if name == "relevance":
            labels += load_relevance(path)
        elif name == "duplicates":
            labels += load_duplicates(path)
        else:
            labels += load_judgements(path, persona_ids or set())
    _no_repeats(Path(labels_dir) / f"{name} (all files)", [(item(label), label.reader) for label in labels])
    return labels


def load_resolutions(path: Path, persona_ids: set[str] | None = None) -> dict[str, list]:
    """The resolved labels per set, each with reader `resolved` and its note (persona ids checked when given)."""
    resolved: dict[str, list] = {name: [] for name in SETS}
    for line, row in _rows(path, RESOLUTION_COLUMNS):
        name = _choice(row["set"], SETS, path, line, "set")
        key = _key(row, "", path, line)
        if name == "relevance":
            relevant = _choice(row["label"], ("0", "1"), path, line, "label") == "1"
            resolved[name].append(RelevanceLabel(key, relevant, row["note"], RESOLVED))
        elif name == "duplicates":
            same = _choice(row["label"], ("0", "1"), path, line, "label") == "1"
            a, b = sorted((key, _key(row, "_b", path, line)), key=lambda k: (k.source, k.source_id))
            resolved[name].append(DuplicateLabel(a, b, same, "", RESOLVED, row["note"]))
        else:
            if persona_ids is not None and row["persona_id"] not in persona_ids:
                raise LabelError(f"{path}:{line}: unknown persona_id {row['persona_id']!r}")
            grade = int(_choice(row["label"], tuple(str(grade) for grade in GRADES), path, line, "label"))
            resolved[name].append(Judgement(row["persona_id"], key, grade, RESOLVED, row["note"]))
        if not row["note"]:
            raise LabelError(f"{path}:{line}: a resolution needs a note")
    for name, labels in resolved.items():
        _no_repeats(path, [(name, item(label)) for label in labels])
    return resolved


def load_final(labels_dir: Path, name: str, persona_ids: set[str] | None = None) -> list:
    """One label per item, in the first reader's order: the resolution where one exists, otherwise the
    readers' common label. Readers who disagree without a resolution, or a resolution of an item nobody
    labelled, raise LabelError naming the item."""
    labels = load_readers(labels_dir, name, persona_ids)
    resolutions_path = Path(labels_dir) / SECOND_PASS / RESOLUTIONS
    resolutions = load_resolutions(resolutions_path, persona_ids)[name] if resolutions_path.exists() else []
    resolved = {item(label): label for label in resolutions}
    by_item: dict[tuple, list] = {}
    for label in labels:
        by_item.setdefault(item(label), []).append(label)
    unread = [key for key in resolved if key not in by_item]
    if unread:
        raise LabelError(f"{resolutions_path}: {name} resolution of {unread[0]} that no reader labelled")
    final = []
    for key, said in by_item.items():
        if key in resolved:
            final.append(resolved[key])
        elif len({value(label) for label in said}) > 1:
            raise LabelError(f"{name}: readers disagree on {key} and {resolutions_path} does not resolve it")
        else:
            final.append(said[0])
    return final
