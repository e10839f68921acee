"""The two external checks of the ranker (models.external_checks): COCO interactions and OSSU coverage.

    .venv/bin/python benchmarks/external_checks.py [--users 2000]

Needs the corpus beside the checkout and, for OSSU, a catalogue in MLPATH_HOME. Last line: one JSON object.
"""

import argparse
import json
import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from models.external_checks import coco_check, ossu_check  # noqa: E402
from pipeline.settings import Settings  # noqa: E402
from pipeline.store.db import make_engine  # noqa: E402

CORPUS = Path(__file__).resolve().parents[1] / ".." / "shared" / "corpus" / "eval"


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--users", type=int, default=2000)
    args = parser.parse_args()
    coco = coco_check(CORPUS / "coco_udemy", users=args.users)
    print(f"COCO ({coco['users']} learners, {coco['courses']} courses):", file=sys.stderr)
    for name, metric in coco["metrics"].items():
        print(f"  {name:17} HR@10 {metric['hr@10']:.3f}  NDCG@10 {metric['ndcg@10']:.3f}", file=sys.stderr)
    settings = Settings()
    ossu = ossu_check(make_engine(settings.database), CORPUS / "ossu_data_science_curriculum.csv", settings.models_dir)
    print(f"OSSU: {ossu['in_catalogue']} of {ossu['curriculum']} courses in the catalogue; found in the top "
          f"{ossu['k']}: {ossu['found']}", file=sys.stderr)  # fmt: skip
    print(json.dumps({"coco": coco, "ossu": ossu}))


if __name__ == "__main__":
    main()
