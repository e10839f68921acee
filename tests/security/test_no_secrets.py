"""No secret in the repository: no tracked file holds a key-like string (the Scorecard key is read from
SCORECARD_API_KEY in the environment, never written down)."""

import re
import subprocess
from pathlib import Path

REPO = Path(__file__).resolve().parents[2]
KEY_PATTERNS = {
    "api.data.gov key": re.compile(r"\b[A-Za-z0-9]{40}\b"),
    "AWS access key": re.compile(r"\bAKIA[0-9A-Z]{16}\b"),
    "GitHub token": re.compile(r"\bgh[pousr]_[A-Za-z0-9]{36,}\b"),
    "private key": re.compile(r"-----BEGIN (RSA |EC |OPENSSH |)PRIVATE KEY-----"),
    "Slack token": re.compile(r"\bxox[abpr]-[A-Za-z0-9-]{10,}\b"),
    "key assigned in code": re.compile(
        r"(api_key|apikey|secret|password|token)\s*[=:]\s*['\"][A-Za-z0-9/+_-]{16,}['\"]", re.IGNORECASE),
}
# A 40-character hex string is a git commit, not a key (the lock file's hashes are 64 characters).
_HEX = re.compile(r"^[0-9a-f]{40}$")
SKIPPED_SUFFIXES = (".lock", ".png", ".jpg", ".gz", ".xlsx", ".bz2", ".parquet")


def tracked_text_files() -> list[Path]:
    names = subprocess.run(["git", "ls-files"], cwd=REPO, check=True, capture_output=True, text=True).stdout.split()
    return [REPO / name for name in names if not name.endswith(SKIPPED_SUFFIXES) and (REPO / name).is_file()]


def secrets_in(text: str) -> list[str]:
    found = []
    for what, pattern in KEY_PATTERNS.items():
        for match in pattern.finditer(text):
            if not _HEX.match(match[0]):
                found.append(f"{what}: {match[0][:8]}...")
    return found


def test_the_scan_recognises_keys():
    # Built at run time, so that this file holds no key-like literal itself.
    assert secrets_in(f'SCORECARD_KEY = "{"Zq8mN2vX" * 5}"') != []
    assert secrets_in("aws = AKIA" + "IOSFODNN7EXAMPLE") != []
    assert secrets_in('api_key="' + "abcdef0123456789" + 'abcd"') != []
    assert secrets_in("commit 6d89213a0b1c2d3e4f5a6b7c8d9e0f1a2b3c4d5e") == []


def test_no_tracked_file_holds_a_key():
    files = tracked_text_files()
    assert len(files) > 100
    leaks = [f"{path.relative_to(REPO)}: {secret}" for path in files
             for secret in secrets_in(path.read_text(encoding="utf-8", errors="replace"))]
    assert leaks == []

