import re

from tests.cli.conftest import HOSTILE_TITLE, checksum, invoke


def test_the_report_is_one_offline_file_with_both_charts(home, tmp_path):
    target = tmp_path / "report.html"

    result = invoke(home, "report", str(target))

    assert result.exit_code == 0, result.stderr
    page = target.read_text(encoding="utf-8")
    assert "Certifications: cost against time to complete" in page
    assert "Degrees: cost against time to complete" in page
    assert page.count('class="plotly-graph-div"') == 2
    assert re.search(r"<script[^>]*\bsrc=", page) is None  # plotly.js is inlined, no CDN
    assert "Verdict" not in page  # no profile, no verdict
    assert result.stdout == "" and f"report written to {target}" in result.stderr


def test_with_a_profile_the_verdict_and_recommended_programs_are_marked(home, tmp_path):
    target = tmp_path / "report.html"

    result = invoke(home, "report", str(target), "--budget", "1000", "--interests", "deep learning", "-k", "3")

    assert result.exit_code == 0, result.stderr
    page = target.read_text(encoding="utf-8")
    assert "<h2>Verdict: certification</h2>" in page
    assert "recommended (rank)" in page and "meet your constraints" in page
    assert page.count("<tr><td class=\"number\">") == 3
    assert "within your $1,000 budget" in page


def test_everything_from_a_page_is_escaped(home, tmp_path):
    target = tmp_path / "report.html"

    result = invoke(home, "report", str(target), "--interests", "hostile title", "-k", "20")

    assert result.exit_code == 0, result.stderr
    page = target.read_text(encoding="utf-8")
    assert HOSTILE_TITLE not in page
    assert "<b>Evil</b>" not in page
    assert "&lt;script&gt;alert(1)&lt;/script&gt;" in page  # shown as text in the table
    assert 'href="javascript:' not in page


def test_an_unwritable_path_exits_2_naming_it(home, tmp_path):
    before = checksum(home / "mlpath.db")

    result = invoke(home, "report", str(tmp_path / "missing-folder" / "report.html"))

    assert result.exit_code == 2
    assert result.stderr == f"error: cannot write the report to {tmp_path}/missing-folder/report.html: " \
                            "not a file in an existing folder\n"  # fmt: skip
    assert checksum(home / "mlpath.db") == before
