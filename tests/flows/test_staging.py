import os

from flows.staging import new_run_folder, prune_old_runs


def test_only_the_newest_runs_are_kept(tmp_path):
    folders = [new_run_folder(tmp_path, f"run-{number}") for number in range(7)]
    for age, folder in enumerate(reversed(folders)):  # run-6 newest, run-0 oldest
        os.utime(folder, (1_700_000_000 - age * 60, 1_700_000_000 - age * 60))
    removed = prune_old_runs(tmp_path, keep=5)
    assert sorted(path.name for path in removed) == ["run-0", "run-1"]
    assert sorted(path.name for path in tmp_path.iterdir()) == [f"run-{number}" for number in range(2, 7)]
