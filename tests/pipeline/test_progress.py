import io

from pipeline.progress import progress, track


class Terminal(io.StringIO):
    def isatty(self) -> bool:
        return True


def test_plain_lines_when_the_stream_is_not_a_terminal():
    stream = io.StringIO()

    with progress("crawl", total=3, stream=stream) as step:
        step.advance(note="coursera")
        step.advance(note="edx-catalog")
    items = list(track(["a", "b"], "train", stream=stream))

    assert items == ["a", "b"]
    assert stream.getvalue().splitlines() == ["crawl: 1/3 coursera", "crawl: 2/3 edx-catalog", "train: 1/2 a",
                                              "train: 2/2 b"]  # fmt: skip


def test_an_unknown_total_counts_alone():
    stream = io.StringIO()

    with progress("store", stream=stream) as step:
        step.advance(500)

    assert stream.getvalue() == "store: 500\n"


def test_a_rich_bar_on_a_terminal():
    stream = Terminal()

    with progress("crawl [bold]sources[/bold]", total=2, stream=stream) as step:
        step.advance(note="coursera")
        step.advance(note="[red]udemy")

    shown = stream.getvalue()
    assert "\x1b[" in shown  # drawn with terminal escape codes
    assert "100%" in shown and "crawl [bold]sources[/bold]" in shown  # text shown as typed, not as markup
    assert "crawl: 1/2" not in shown
