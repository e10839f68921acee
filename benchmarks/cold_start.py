"""Cold start of the CLI, as ratios against importing scikit-learn and SQLAlchemy (the floor).

Each figure is the best of N fresh processes, all timed in this one invocation on the same catalogue:
    python -c "import sklearn, sqlalchemy"   (the floor: what any ranking needs to import)
    mlpath --help
    mlpath search "deep learning"
    mlpath recommend --budget 1000 --interests "deep learning"
Targets (issue 10): recommend <= 2x the floor; --help and search well under it.

    .venv/bin/python benchmarks/cold_start.py [--home MLPATH_HOME] [--runs N]

Without --home, a catalogue is built by replaying the corpus archive into a temporary folder (about a
minute). The last line printed is one JSON object.
"""

import argparse
import json
import os
import subprocess
import sys
import tempfile
import time
from pathlib import Path

REPO = Path(__file__).resolve().parents[1]
ARCHIVE = REPO.parent / "shared" / "corpus" / "archive" / "catalog.warc.gz"
MLPATH = str(Path(sys.executable).with_name("mlpath"))

COMMANDS = {
    "floor": [sys.executable, "-c", "import sklearn, sqlalchemy"],
    "help": [MLPATH, "--help"],
    "search": [MLPATH, "search", "deep learning", "--output", "json"],
    "recommend": [MLPATH, "recommend", "--budget", "1000", "--interests", "deep learning", "--output", "json"],
}
TARGETS = {"help": 1.0, "search": 1.0, "recommend": 2.0}  # at most this many floors


def best_seconds(command: list[str], env: dict[str, str], runs: int) -> float:
    best = float("inf")
    for _ in range(runs):
        started = time.perf_counter()
        subprocess.run(command, env=env, check=True, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
        best = min(best, time.perf_counter() - started)
    return best


def replayed_home() -> Path:
    if not ARCHIVE.is_file():
        sys.exit(f"error: archive missing: {ARCHIVE} (or pass --home)")
    home = Path(tempfile.mkdtemp(prefix="mlpath-bench-"))
    print(f"building a catalogue in {home} by replaying {ARCHIVE} ...", file=sys.stderr)
    env = {**os.environ, "MLPATH_HOME": str(home)}
    env.pop("MLPATH_DATABASE_URL", None)
    subprocess.run([MLPATH, "run", "--replay", str(ARCHIVE)], env=env, check=True, stdout=subprocess.DEVNULL)
    return home


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--home", type=Path, help="an MLPATH_HOME holding a catalogue (default: replay one)")
    parser.add_argument("--runs", type=int, default=5, help="processes per command; the best counts")
    arguments = parser.parse_args()
    home = arguments.home or replayed_home()
    env = {**os.environ, "MLPATH_HOME": str(home), "COLUMNS": "100"}
    env.pop("MLPATH_DATABASE_URL", None)
    for command in COMMANDS.values():  # warm the file cache and the bytecode once, untimed
        subprocess.run(command, env=env, check=True, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    seconds = {name: best_seconds(command, env, arguments.runs) for name, command in COMMANDS.items()}
    ratios = {name: seconds[name] / seconds["floor"] for name in TARGETS}
    for name, value in seconds.items():
        ratio = f"{ratios[name]:.2f}x floor (target <= {TARGETS[name]:g}x)" if name in ratios else "the floor"
        print(f"{name:>10}: {value:6.3f} s  {ratio}", file=sys.stderr)
    print(json.dumps({
        "benchmark": "cli_cold_start", "runs": arguments.runs, "seconds": {k: round(v, 4) for k, v in seconds.items()},
        "ratio_to_floor": {k: round(v, 3) for k, v in ratios.items()},
        "within_target": {name: ratios[name] <= TARGETS[name] for name in TARGETS},
    }))  # fmt: skip


if __name__ == "__main__":
    main()
