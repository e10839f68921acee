"""Agreement between two readers on the items both labelled: Cohen's kappa for relevance and duplicates,
quadratic-weighted kappa for grades.

    python -m evaluation.agreement [--labels DIR] [--readers A B]

Prints one JSON object: per set, the number of items both readers labelled, the share they agree on, the
kappa, and the items they disagree on (to resolve with a note). Each set is read from all its files: the
first reader's (`relevance.csv`) and the second pass's (`second_pass/relevance_b.csv`).
"""

import argparse
import json
import sys
from pathlib import Path

from sklearn.metrics import cohen_kappa_score

from evaluation.labels import SETS, LabelError, item, load_personas, load_readers, value

LABELS = Path(__file__).parent


def agreement(labels: list, item, value, first: str, second: str, weights: str | None = None) -> dict:
    """Kappa over the items labelled by both readers; kappa is None when it is undefined (fewer than 2 items)."""
    by_reader: dict[str, dict] = {first: {}, second: {}}
    for label in labels:
        if label.reader in by_reader:
            by_reader[label.reader][item(label)] = value(label)
    shared = sorted(set(by_reader[first]) & set(by_reader[second]), key=str)
    a = [by_reader[first][key] for key in shared]
    b = [by_reader[second][key] for key in shared]
    defined = len(shared) >= 2 and len(set(a) | set(b)) > 1
    return {
        "items": len(shared),
        "agreement": round(sum(x == y for x, y in zip(a, b, strict=True)) / len(shared), 3) if shared else None,
        "kappa": round(float(cohen_kappa_score(a, b, weights=weights)), 3) if defined else None,
        "disagreements": [str(key) for key, x, y in zip(shared, a, b, strict=True) if x != y],
    }


def report(labels_dir: Path, first: str, second: str) -> dict:
    """Agreement per set over every file of it: the first reader's file and the second pass's files."""
    personas = {persona["id"] for persona in load_personas(labels_dir / "personas.toml")}
    return {
        name: agreement(load_readers(labels_dir, name, personas), item, value, first, second,
                        weights="quadratic" if name == "judgements" else None)
        for name in SETS
    }


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m evaluation.agreement", description=__doc__.splitlines()[0])
    parser.add_argument("--labels", type=Path, default=LABELS, help="folder of the label files")
    parser.add_argument("--readers", nargs=2, default=("A", "B"), metavar=("FIRST", "SECOND"))
    args = parser.parse_args(argv)
    try:
        result = report(args.labels, *args.readers)
    except LabelError as error:
        print(f"error: {error}", file=sys.stderr)
        return 2
    print(json.dumps(result, indent=2))
    return 0


if __name__ == "__main__":
    sys.exit(main())
