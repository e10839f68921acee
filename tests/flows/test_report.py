from flows.report import SourceSummary, failed_sources, markdown_report, report_rows, verdict
from pipeline.store.runs import RunOutcome

SUMMARIES = [
    SourceSummary("ds-colleges", RunOutcome(status="ok", pages=1, items=60, stored=58, rejected=2)),
    SourceSummary("coursera", RunOutcome(status="failed", errors=1, message="coursera: spider exited 1: KeyError")),
]


def test_rows_carry_every_count_and_the_health():
    assert report_rows(SUMMARIES)[0] == {"source": "ds-colleges", "status": "ok", "pages": "1", "items": "60",
                                         "stored": "58", "rejected": "2", "errors": "0", "health": "ok"}


def test_the_verdict_names_the_failed_sources():
    assert failed_sources(SUMMARIES) == ["coursera"]
    assert verdict(SUMMARIES) == "1 of 2 sources failed: coursera"
    assert verdict(SUMMARIES[:1]) == "all 1 sources ok"


def test_markdown_is_a_table_then_the_verdict_and_each_reason():
    lines = markdown_report(SUMMARIES).splitlines()
    assert lines[2] == "| source | status | pages | items | stored | rejected | errors | health |"
    assert lines[4] == "| ds-colleges | ok | 1 | 60 | 58 | 2 | 0 | ok |"
    assert lines[5] == "| coursera | failed | 0 | 0 | 0 | 0 | 1 | failed |"
    assert "1 of 2 sources failed: coursera" in lines
    assert "- `coursera`: coursera: spider exited 1: KeyError" in lines
