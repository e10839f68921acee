"""Per-run staging folders under MLPATH_HOME/staging: the feeds, crawl reports and logs of a run."""

import shutil
from pathlib import Path

# Enough to compare the last few runs by hand; older feeds are in the database already.
RUNS_KEPT = 5


def new_run_folder(staging_dir: Path, run_id: str) -> Path:
    folder = staging_dir / run_id
    folder.mkdir(parents=True, exist_ok=True)
    return folder


def prune_old_runs(staging_dir: Path, keep: int = RUNS_KEPT) -> list[Path]:
    """Remove all but the ``keep`` newest run folders; return what was removed."""
    folders = sorted((path for path in staging_dir.iterdir() if path.is_dir()), key=lambda path: path.stat().st_mtime)
    removed = folders[:-keep] if keep else folders
    for folder in removed:
        shutil.rmtree(folder)
    return removed
