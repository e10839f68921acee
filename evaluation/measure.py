"""How well the pipeline agrees with the resolved labels: relevance of what it keeps, and de-duplication.

    python -m evaluation.measure relevance|duplicates --home MLPATH_HOME

Relevance: every labelled listing's raw item (from the catalogue's `source_records` or
`rejected_items`) goes through clean() again; kept = it becomes a Program. Precision and recall of
"kept" against the resolved label "relevant".
Duplicates: a labelled pair is predicted "same" when both listings' source records point at one
program. Pairs where a listing is not in the catalogue (refused, or never crawled) cannot be judged and
are counted apart.

Each figure is given for all labels and for the held-out part: the items the second reader labelled.
Rules tuned on the labels flatter the "all" figure; the held-out rows are the ones to watch, as long as
tuning looks only at the others.
"""

import argparse
import sys
from dataclasses import dataclass
from pathlib import Path

from sqlalchemy import Engine, select
from sqlalchemy.engine import make_url

from evaluation.labels import RESOLVED, Key, LabelError, item, load_final, load_readers
from pipeline.clean import clean
from pipeline.records import Program
from pipeline.settings import Settings
from pipeline.store.db import has_catalogue, make_engine, reader_session
from pipeline.store.schema import RejectedItem, SourceRecord

LABELS_DIR = Path(__file__).resolve().parent
FIRST_READER = "A"


@dataclass(frozen=True)
class Score:
    true_positives: int
    false_positives: int
    false_negatives: int
    judged: int
    unjudged: int  # labelled items the catalogue cannot speak for

    @property
    def precision(self) -> float | None:
        predicted = self.true_positives + self.false_positives
        return self.true_positives / predicted if predicted else None

    @property
    def recall(self) -> float | None:
        actual = self.true_positives + self.false_negatives
        return self.true_positives / actual if actual else None

    def line(self, name: str) -> str:
        return (f"{name}: precision {_figure(self.precision)} recall {_figure(self.recall)} "
                f"(tp {self.true_positives}, fp {self.false_positives}, fn {self.false_negatives}; "
                f"{self.judged} judged, {self.unjudged} not in the catalogue)")


def _figure(value: float | None) -> str:
    return "n/a" if value is None else f"{value:.3f}"


def score(pairs: list[tuple[bool, bool | None]]) -> Score:
    """(label, prediction) pairs; a prediction of None is an item that could not be judged."""
    judged = [(label, predicted) for label, predicted in pairs if predicted is not None]
    return Score(
        true_positives=sum(1 for label, predicted in judged if label and predicted),
        false_positives=sum(1 for label, predicted in judged if predicted and not label),
        false_negatives=sum(1 for label, predicted in judged if label and not predicted),
        judged=len(judged),
        unjudged=len(pairs) - len(judged),
    )


def raw_items(engine: Engine) -> dict[Key, dict]:
    """Every listing's raw item, stored or refused, by (source, source_id)."""
    with reader_session(engine) as session:
        found = {Key(source, key): raw for source, key, raw in
                 session.execute(select(RejectedItem.source, RejectedItem.source_key, RejectedItem.raw)
                                 .order_by(RejectedItem.id))}
        found |= {Key(source, key): raw for source, key, raw in
                  session.execute(select(SourceRecord.source, SourceRecord.source_id, SourceRecord.raw))}
    return found


def program_ids(engine: Engine) -> dict[Key, int]:
    with reader_session(engine) as session:
        rows = session.execute(select(SourceRecord.source, SourceRecord.source_id, SourceRecord.program_id))
        return {Key(source, key): program_id for source, key, program_id in rows}


def relevance_predictions(labels: list, raws: dict[Key, dict]) -> dict[Key, bool | None]:
    return {label.key: (isinstance(clean(raws[label.key]), Program) if label.key in raws else None)
            for label in labels}


def duplicate_predictions(labels: list, programs: dict[Key, int]) -> dict[tuple, bool | None]:
    predictions = {}
    for label in labels:
        a, b = programs.get(label.a), programs.get(label.b)
        predictions[(label.a, label.b)] = None if a is None or b is None else a == b
    return predictions


def held_out(labels_dir: Path, name: str) -> set:
    """The items the second (or a later) reader labelled: the rows rules were not tuned on."""
    return {item(label) for label in load_readers(labels_dir, name) if label.reader not in (FIRST_READER, RESOLVED)}


def measure(name: str, engine: Engine, labels_dir: Path = LABELS_DIR) -> dict[str, Score]:
    labels = load_final(labels_dir, name)
    if name == "relevance":
        predictions = relevance_predictions(labels, raw_items(engine))
    else:
        predictions = duplicate_predictions(labels, program_ids(engine))
    truth = {item(label): (label.relevant if name == "relevance" else label.same) for label in labels}
    second = held_out(labels_dir, name)
    return {
        "all": score([(truth[key], predictions[key]) for key in truth]),
        "held out (second reader's items)": score([(truth[key], predictions[key]) for key in truth if key in second]),
    }


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m evaluation.measure", description=__doc__.splitlines()[0])
    parser.add_argument("set", choices=("relevance", "duplicates"))
    parser.add_argument("--home", type=Path, help="MLPATH_HOME of a built catalogue (default: the settings')")
    parser.add_argument("--labels", type=Path, default=LABELS_DIR, help="folder of the label files")
    arguments = parser.parse_args(argv)
    settings = Settings(home=arguments.home) if arguments.home else Settings()
    database = make_url(settings.database)
    if database.get_backend_name() == "sqlite" and not Path(database.database or "").is_file():
        print(f"error: no catalogue at {settings.database}: run `mlpath run` first", file=sys.stderr)
        return 2
    engine = make_engine(settings.database)
    try:
        if not has_catalogue(engine):
            print(f"error: no catalogue at {settings.database}: run `mlpath run` first", file=sys.stderr)
            return 2
        scores = measure(arguments.set, engine, arguments.labels)
    except LabelError as error:
        print(f"error: {error}", file=sys.stderr)
        return 2
    finally:
        engine.dispose()
    for part, figures in scores.items():
        print(figures.line(f"{arguments.set} {part}"))
    return 0


if __name__ == "__main__":
    sys.exit(main())
