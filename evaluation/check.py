"""Does every label still point at a listing of the current archive? Lists the labels that do not.

    python -m evaluation.check --home MLPATH_HOME [--from feeds|db] [--labels DIR]

Known listings come from the raw items of the newest staging feeds (`feeds`, the default: every item
a spider yielded, kept or not) or from the database (`db`: the source records, plus the rejected
items, so a label on an irrelevant listing is not reported as stale). Exit 0 when every label points
at a known listing, 1 when some do not (they are listed on stdout), 2 on a bad label file.
"""

import argparse
import sys
from pathlib import Path

from sqlalchemy import text

from evaluation.feeds import raw_items, staging_dir
from evaluation.labels import Key, LabelError, load_duplicates, load_judgements, load_personas, load_relevance

LABELS = Path(__file__).parent


def known_from_feeds(staging: Path) -> set[Key]:
    return {Key(source, str(item.get("source_id"))) for source, items in raw_items(staging).items() for item in items}


def known_from_db(engine) -> set[Key]:
    with engine.connect() as connection:
        stored = connection.execute(text("SELECT source, source_id FROM source_records"))
        rejected = connection.execute(text("SELECT source, source_key FROM rejected_items"))
        return {Key(source, key) for source, key in [*stored, *rejected]}


def labelled_keys(labels_dir: Path) -> list[tuple[str, Key]]:
    """(where, key) for every key a label file names: relevance, both sides of a pair, judgements."""
    found: list[tuple[str, Key]] = []
    relevance, duplicates, judgements = (labels_dir / name for name in
                                         ("relevance.csv", "duplicates.csv", "judgements.csv"))
    if relevance.exists():
        found += [("relevance", label.key) for label in load_relevance(relevance)]
    if duplicates.exists():
        found += [("duplicates", key) for label in load_duplicates(duplicates) for key in (label.a, label.b)]
    if judgements.exists():
        persona_ids = {persona["id"] for persona in load_personas(labels_dir / "personas.toml")}
        found += [(f"judgements {label.persona_id}", label.key) for label in load_judgements(judgements, persona_ids)]
    return found


def stale(labels: list[tuple[str, Key]], known: set[Key]) -> list[tuple[str, Key]]:
    """The labels whose listing is not known, each (where, key) once, in file order."""
    seen, missing = set(), []
    for where, key in labels:
        if key not in known and (where, key) not in seen:
            seen.add((where, key))
            missing.append((where, key))
    return missing


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m evaluation.check", description=__doc__.splitlines()[0])
    parser.add_argument("--home", type=Path, help="MLPATH_HOME to read (default: the environment's)")
    parser.add_argument("--from", dest="origin", choices=("feeds", "db"), default="feeds")
    parser.add_argument("--labels", type=Path, default=LABELS, help="folder of the label files")
    args = parser.parse_args(argv)
    try:
        labels = labelled_keys(args.labels)
        known = _known(args.origin, args.home)
    except (LabelError, FileNotFoundError) as error:
        print(f"error: {error}", file=sys.stderr)
        return 2
    missing = stale(labels, known)
    for where, key in missing:
        print(f"{where}\t{key.source}\t{key.source_id}")
    print(f"{len(labels) - len(missing)} of {len(labels)} labelled listings found; {len(missing)} not",
          file=sys.stderr)
    return 1 if missing else 0


def _known(origin: str, home: Path | None) -> set[Key]:
    if origin == "feeds":
        return known_from_feeds(staging_dir(home))
    from pipeline.settings import Settings
    from pipeline.store.db import has_catalogue, make_engine

    settings = Settings(home=home) if home is not None else Settings()
    engine = make_engine(settings.database)
    if not has_catalogue(engine):
        raise FileNotFoundError(f"no catalogue in {settings.database}: run `mlpath run` first")
    return known_from_db(engine)


if __name__ == "__main__":
    sys.exit(main())
