"""The report's HTML: Plotly charts (script inlined once) and the verdict, every page-given text escaped.

Titles, providers, reasons and links come from crawled pages: each goes through html.escape before it
reaches the page or a chart's hover text, and a link is kept only when it is http(s).
"""

from collections.abc import Sequence
from datetime import UTC, datetime
from html import escape

KINDS = (("certification", "Certifications"), ("degree", "Degrees"))
# Free programs are drawn at $1, labelled "free": a log scale has no zero.
COST_TICKS = {1: "free", 3: "$3", 10: "$10", 30: "$30", 100: "$100", 300: "$300", 1_000: "$1k", 3_000: "$3k",
              10_000: "$10k", 30_000: "$30k", 100_000: "$100k", 300_000: "$300k"}  # fmt: skip

STYLE = """
body { font-family: system-ui, sans-serif; margin: 2rem auto; max-width: 1100px; color: #222; }
h1 { margin-bottom: 0.2rem; } .muted { color: #666; }
.verdict { border-left: 6px solid #2a6; background: #f3faf5; padding: 0.6rem 1.2rem; margin: 1rem 0; }
table { border-collapse: collapse; width: 100%; font-size: 0.92rem; }
th, td { border-bottom: 1px solid #ddd; padding: 0.35rem 0.5rem; text-align: left; vertical-align: top; }
td.number { text-align: right; white-space: nowrap; } ul.reasons { margin: 0.2rem 0; padding-left: 1.1rem; }
"""


def report_page(catalog: Sequence, profile, recommendation: dict | None, terms: dict) -> str:
    """`terms`: models.why.terms_for of the catalogue, for this profile."""
    paces = {program_id: term.pace for program_id, term in terms.items()}
    candidate_ids = {program_id for program_id, term in terms.items() if term.passes} if recommendation else set()
    ranks = {row["program_id"]: row["rank"] for row in recommendation["results"]} if recommendation else {}
    parts = [_heading(catalog)]
    if recommendation:
        parts.append(_verdict(recommendation))
    for index, (kind, label) in enumerate(KINDS):
        entries = [entry for entry in catalog if entry.kind == kind]
        figure = _chart(entries, paces, candidate_ids, ranks, profile.hours_per_week, recommendation is not None)
        parts.append(f"<h2>{label}: cost against time to complete</h2>")
        parts.append(_unplotted_note(entries, paces))
        parts.append(figure.to_html(full_html=False, include_plotlyjs=index == 0, config={"displaylogo": False}))
    if recommendation:
        parts.append(_results_table(recommendation["results"]))
    body = "\n".join(parts)
    return (
        '<!DOCTYPE html>\n<html lang="en"><head><meta charset="utf-8"><title>mlpath report</title>'
        f"<style>{STYLE}</style></head><body>\n{body}\n</body></html>\n"
    )


def _heading(catalog: Sequence) -> str:
    counts = {kind: sum(1 for entry in catalog if entry.kind == kind) for kind, _label in KINDS}
    made = datetime.now(UTC).strftime("%Y-%m-%d")
    return (
        "<h1>mlpath: certification or degree?</h1>"
        f'<p class="muted">{len(catalog)} programs: {counts["certification"]} certifications and '
        f"{counts['degree']} degrees. Report made {made}.</p>"
    )


def _verdict(recommendation: dict) -> str:
    verdict = recommendation["verdict"]
    reasons = "".join(f"<li>{escape(reason)}</li>" for reason in verdict["reasons"])
    given = {key: value for key, value in recommendation["profile"].items() if value not in (None, "", False)}
    profile = ", ".join(f"{escape(str(key)).replace('_', ' ')} {escape(str(value))}" for key, value in given.items())
    relaxed = ""
    if recommendation["relaxed"]:
        relaxed = f"<p>Nothing met every constraint; relaxed: {escape(', '.join(recommendation['relaxed']))}.</p>"
    return (
        f'<section class="verdict"><h2>Verdict: {escape(verdict["path"])}</h2><ul class="reasons">{reasons}</ul>'
        f"<p>{recommendation['candidates']} programs meet your constraints; the best "
        f"{len(recommendation['results'])} are marked with a star and their rank.</p>{relaxed}"
        f'<p class="muted">Your profile: {profile}</p></section>'
    )


def _chart(entries, paces, candidate_ids, ranks, hours_per_week: float, with_profile: bool):
    import plotly.graph_objects as go

    plotted = [entry for entry in entries if _point(entry, paces) is not None]
    figure = go.Figure()
    if with_profile:
        groups = (
            ("other programs", [e for e in plotted if e.id not in candidate_ids], dict(color="#c8c8c8", size=6)),
            ("meet your constraints", [e for e in plotted if e.id in candidate_ids and e.id not in ranks],
             dict(color="#1f77b4", size=8)),
            ("recommended (rank)", [e for e in plotted if e.id in ranks],
             dict(color="#d62728", size=16, symbol="star", line=dict(color="#222", width=1))),
        )  # fmt: skip
    else:
        credentials = sorted({entry.credential for entry in plotted})
        groups = tuple(
            (credential.replace("_", " "), [e for e in plotted if e.credential == credential], dict(size=7))
            for credential in credentials
        )
    for name, members, marker in groups:
        points = [_point(entry, paces) for entry in members]
        figure.add_trace(
            go.Scatter(
                x=[weeks for weeks, _cost in points],
                y=[max(cost, 1) for _weeks, cost in points],
                mode="markers+text" if name.startswith("recommended") else "markers",
                text=[str(ranks[entry.id]) if entry.id in ranks else "" for entry in members],
                textposition="top center",
                hovertext=[_hover(entry, point) for entry, point in zip(members, points, strict=True)],
                hoverinfo="text",
                name=name,
                marker=marker,
            )
        )
    figure.update_xaxes(type="log", title_text=f"weeks to complete at {hours_per_week:g} h/week")
    figure.update_yaxes(type="log", title_text="total cost (USD)", tickvals=list(COST_TICKS),
                        ticktext=list(COST_TICKS.values()))  # fmt: skip
    figure.update_layout(height=460, margin=dict(l=60, r=20, t=20, b=50), legend=dict(orientation="h", y=-0.2))
    return figure


def _point(entry, paces) -> tuple[float, float] | None:
    pace = paces.get(entry.id)
    if pace is None or pace.weeks is None or pace.cost_usd is None or pace.weeks <= 0:
        return None
    return pace.weeks, pace.cost_usd


def _hover(entry, point: tuple[float, float]) -> str:
    weeks, cost = point
    provider = f"<br>{escape(entry.provider)}" if entry.provider else ""
    price = "free" if cost == 0 else f"${cost:,.0f}"
    credential = escape(entry.credential.replace("_", " "))
    return f"{escape(entry.title)}{provider}<br>{credential}: {price}, {weeks:,.1f} weeks"


def _unplotted_note(entries, paces) -> str:
    missing = sum(1 for entry in entries if _point(entry, paces) is None)
    if not entries:
        return '<p class="muted">None in the catalogue.</p>'
    return f'<p class="muted">{len(entries) - missing} plotted; {missing} without a known cost or duration are not.</p>'


def _results_table(results: list[dict]) -> str:
    rows = []
    for row in results:
        title = escape(row["title"])
        link = f'<a href="{escape(row["url"], quote=True)}">{title}</a>' if _is_web_link(row["url"]) else title
        reasons = "".join(f"<li>{escape(reason)}</li>" for reason in row["reasons"])
        cost = "unknown" if row["cost_usd"] is None else f"${row['cost_usd']:,.0f}"
        weeks = "unknown" if row["weeks_at_your_pace"] is None else f"{row['weeks_at_your_pace']:g}"
        rows.append(
            f'<tr><td class="number">{row["rank"]}</td><td>{link}<br><span class="muted">'
            f"{escape(row['provider'] or '')}</span></td><td>{escape(row['credential'].replace('_', ' '))}</td>"
            f'<td class="number">{cost}</td><td class="number">{weeks}</td>'
            f'<td><ul class="reasons">{reasons}</ul></td></tr>'
        )
    return (
        "<h2>Recommended for you</h2><table><thead><tr><th>#</th><th>Program</th><th>Credential</th>"
        "<th>Cost</th><th>Weeks</th><th>Why</th></tr></thead><tbody>" + "".join(rows) + "</tbody></table>"
    )


def _is_web_link(url: str | None) -> bool:
    return bool(url) and url.lower().startswith(("https://", "http://"))
