"""Nothing from a page is executed: no eval/exec/pickle/yaml.load/shell in the shipped code, except the
uses reviewed below (each one says why it is safe)."""

import ast
import subprocess
from pathlib import Path

REPO = Path(__file__).resolve().parents[2]
SHIPPED = ("crawlers", "pipeline", "models", "flows", "cli", "evaluation", "benchmarks", "alembic")
# Calls that run or unpickle data: any of these on crawled text would execute it.
FORBIDDEN = {
    "eval", "exec", "compile", "__import__", "pickle.load", "pickle.loads", "cPickle.loads", "dill.load",
    "dill.loads", "marshal.load", "marshal.loads", "yaml.load", "yaml.unsafe_load", "shelve.open",
    "joblib.load", "numpy.load", "np.load", "pandas.read_pickle", "pd.read_pickle", "os.system", "os.popen",
    "sio.load", "skops.io.load",
}  # fmt: skip
# (file, call): reviewed uses. The ranking model is JSON read with json (models/persistence.py): no
# loader of it needs reviewing, and skops.io.load anywhere is flagged.
REVIEWED = {
    ("models/index.py", "np.load"),  # allow_pickle=False
    ("models/interest.py", "np.load"),  # allow_pickle=False
}


def shipped_sources() -> list[Path]:
    listed = subprocess.run(["git", "ls-files", "--", *SHIPPED], cwd=REPO, check=True, capture_output=True,
                            text=True).stdout.split()
    return [REPO / name for name in listed if name.endswith(".py")]


def dotted(node: ast.expr) -> str:
    if isinstance(node, ast.Name):
        return node.id
    if isinstance(node, ast.Attribute):
        return f"{dotted(node.value)}.{node.attr}"
    return ""


def risky_calls(path: Path, root: Path = REPO) -> list[tuple[str, str, int]]:
    found = []
    for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"), filename=str(path))):
        if not isinstance(node, ast.Call):
            continue
        name = dotted(node.func)
        shell = any(keyword.arg == "shell" and not (isinstance(keyword.value, ast.Constant) and not keyword.value.value)
                    for keyword in node.keywords)
        if name in FORBIDDEN or shell:
            found.append((str(path.relative_to(root)), name + (" shell=True" if shell else ""), node.lineno))
    return found


def test_the_scan_sees_the_shipped_code():
    sources = shipped_sources()
    assert len(sources) > 50
    assert REPO / "models" / "persistence.py" in sources


def test_the_scan_finds_what_it_looks_for(tmp_path):
    sample = tmp_path / "sample.py"
    sample.write_text("import pickle, subprocess\neval(x)\npickle.loads(b)\nsubprocess.run(c, shell=True)\n")
    assert risky_calls(sample, tmp_path) == [
        ("sample.py", "eval", 2), ("sample.py", "pickle.loads", 3), ("sample.py", "subprocess.run shell=True", 4)]


def test_no_code_runs_or_unpickles_data_outside_the_reviewed_uses():
    found = [hit for path in shipped_sources() for hit in risky_calls(path)]
    unreviewed = [hit for hit in found if (hit[0], hit[1]) not in REVIEWED]
    assert unreviewed == [], "calls that could execute data: " + ", ".join(f"{p}:{n} {c}" for p, c, n in unreviewed)
