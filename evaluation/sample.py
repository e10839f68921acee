"""Draw the samples to label, with a fixed seed: the same catalogue and seed give the same sample.

    python -m evaluation.sample relevance  --home MLPATH_HOME --seed 7 --out FILE [--size 300]
    python -m evaluation.sample duplicates --home MLPATH_HOME --seed 7 --out FILE [--per-band 30]
    python -m evaluation.sample pools      --home MLPATH_HOME --seed 7 --out FILE [--personas TOML]

`relevance` and `duplicates` read the raw items of the newest staging feeds; `pools` reads the
catalogue (MLPATH_DATABASE_URL or MLPATH_HOME/mlpath.db) and writes the provenance of each pool
(which ranker proposed what) beside FILE (FILE with the suffix .provenance.csv), to be kept out of the judges' sight.
"""

import argparse
import csv
import sys
from pathlib import Path

from evaluation import duplicate_pairs, pools, relevance_sample
from evaluation.feeds import raw_items, staging_dir
from evaluation.labels import LabelError, load_personas

PERSONAS = Path(__file__).with_name("personas.toml")


def main(argv: list[str] | None = None) -> int:
    args = _parser().parse_args(argv)
    try:
        written = COMMANDS[args.what](args)
    except (FileNotFoundError, LabelError) as error:
        print(f"error: {error}", file=sys.stderr)
        return 2
    print(f"{written} rows written to {args.out}", file=sys.stderr)
    return 0


def _parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(prog="python -m evaluation.sample", description=__doc__.splitlines()[0])
    parser.add_argument("what", choices=("relevance", "duplicates", "pools"))
    parser.add_argument("--home", type=Path, help="MLPATH_HOME to read (default: the environment's)")
    parser.add_argument("--seed", type=int, default=7)
    parser.add_argument("--out", type=Path, required=True)
    parser.add_argument("--size", type=int, default=300, help="relevance: rows in all")
    parser.add_argument("--per-band", type=int, default=duplicate_pairs.PER_BAND, help="duplicates: pairs per band")
    parser.add_argument("--personas", type=Path, default=PERSONAS, help="pools: the personas file")
    return parser


def _relevance(args) -> int:
    rows = relevance_sample.draw(raw_items(staging_dir(args.home)), args.size, args.seed)
    return write_csv(args.out, relevance_sample.COLUMNS, rows)


def _duplicates(args) -> int:
    rows = duplicate_pairs.draw(raw_items(staging_dir(args.home)), args.seed, args.per_band)
    return write_csv(args.out, duplicate_pairs.COLUMNS, rows)


def _pools(args) -> int:
    from pipeline.settings import Settings
    from pipeline.store.db import has_catalogue, make_engine

    settings = Settings(home=args.home) if args.home is not None else Settings()
    engine = make_engine(settings.database)
    if not has_catalogue(engine):
        raise FileNotFoundError(f"no catalogue in {settings.database}: run `mlpath run` first")
    catalogue = pools.load_catalogue(engine)
    pool_rows, provenance = [], []
    for persona in load_personas(args.personas):
        members, proposed = pools.pool(catalogue, persona, args.seed)
        pool_rows += pools.pool_rows(catalogue, persona, members)
        provenance += proposed
    write_csv(args.out.with_suffix(".provenance.csv"), pools.PROVENANCE_COLUMNS, provenance)
    return write_csv(args.out, pools.POOL_COLUMNS, pool_rows)


COMMANDS = {"relevance": _relevance, "duplicates": _duplicates, "pools": _pools}


def write_csv(path: Path, columns, rows: list[dict]) -> int:
    """Written whole to a temporary file, then renamed: never a half-written sample."""
    partial = path.with_name(path.name + ".partial")
    with partial.open("w", newline="", encoding="utf-8") as file:
        writer = csv.DictWriter(file, fieldnames=list(columns))
        writer.writeheader()
        writer.writerows(rows)
    partial.replace(path)
    return len(rows)


if __name__ == "__main__":
    sys.exit(main())
