"""The HTML frame shared by the report and the comparison: one self-contained page with its
own print stylesheet (A4, page breaks that keep figures and proposals whole)."""

from __future__ import annotations

from collections.abc import Sequence
from html import escape

STYLE = """
@page { size: A4; margin: 15mm 14mm 17mm 14mm; }
* { box-sizing: border-box; }
html { background: #ffffff; }
body {
  font-family: "Noto Sans", "DejaVu Sans", "Segoe UI", Calibri, Arial, sans-serif;
  color: #1c2430; font-size: 10.5pt; line-height: 1.42;
  max-width: 182mm; margin: 0 auto; padding: 10mm 0 14mm 0;
}
header.top { border-bottom: 2.5pt solid #202e42; padding-bottom: 3mm; margin-bottom: 4mm; }
h1 { font-size: 19pt; margin: 0 0 1.5mm 0; line-height: 1.2; }
h2 {
  font-size: 13.5pt; margin: 7mm 0 2.5mm 0; padding-bottom: 1mm;
  border-bottom: 1pt solid #a8a49c; break-after: avoid; page-break-after: avoid;
}
h3 { font-size: 11pt; margin: 0 0 1mm 0; break-after: avoid; page-break-after: avoid; }
p { margin: 0 0 2mm 0; }
.muted { color: #5c6470; }
.small { font-size: 8.5pt; }
dl.facts { display: grid; grid-template-columns: max-content 1fr; gap: 0.6mm 5mm; margin: 0; }
dl.facts dt { color: #5c6470; }
dl.facts dd { margin: 0; font-weight: 600; }
table { border-collapse: collapse; width: 100%; font-size: 9.5pt; margin: 1mm 0 3mm 0; }
th, td {
  border-bottom: 0.6pt solid #c8c4bc; padding: 1.1mm 1.6mm; text-align: left;
  vertical-align: top;
}
th { background: #f3f0e9; font-weight: 600; }
.num { text-align: right; font-variant-numeric: tabular-nums; white-space: nowrap; }
th.num { white-space: normal; vertical-align: bottom; }
tr, figure, .proposal, .verdict, .keep { break-inside: avoid; page-break-inside: avoid; }
thead { display: table-header-group; }
figure { margin: 0 0 3mm 0; }
figcaption { font-size: 8.5pt; color: #5c6470; margin-top: 1mm; }
svg.chart { display: block; max-width: 100%; height: auto; }
.verdict { border-left: 3mm solid #5c6470; padding: 2.5mm 4mm; margin: 4mm 0; }
.verdict.won { border-color: #009e73; background: #e8f5ef; }
.verdict.lost { border-color: #d55e00; background: #fbefe7; }
.verdict .headline { font-size: 14pt; font-weight: 700; margin-bottom: 1mm; }
.proposal { border: 0.8pt solid #c8c4bc; border-radius: 1.5mm; padding: 2.5mm 3.5mm;
  margin: 0 0 3mm 0; }
.proposal table { margin: 1.5mm 0; }
.badge { display: inline-block; font-size: 8.5pt; font-weight: 600; padding: 0.2mm 1.8mm;
  border-radius: 1mm; border: 0.6pt solid #5c6470; margin-left: 1.5mm; vertical-align: 1pt; }
.badge.saving { background: #fcefd1; border-color: #e69f00; }
.badge.efficiency { background: #d6e8f5; border-color: #0072b2; }
.badge.investment { background: #d1eee4; border-color: #009e73; }
.label { font-weight: 600; }
.nowrap { white-space: nowrap; }
small.why { display: inline-block; min-width: 9em; }
small.file { font-size: 7pt; overflow-wrap: anywhere; }
table.keep td:first-child { min-width: 30mm; }
table.wide { font-size: 8.5pt; }
table.wide th, table.wide td { padding: 1mm 1.1mm; }
.met { color: #007a59; font-weight: 700; white-space: nowrap; }
.notice { border-left: 4px solid #b35c00; padding-left: 0.5em; }
.missed { color: #b54200; font-weight: 700; white-space: nowrap; }
.neg { color: #b54200; }
.swatch { display: inline-block; width: 3mm; height: 3mm; margin: 0 1mm 0 3mm;
  vertical-align: -0.3mm; }
.page-break { break-before: page; page-break-before: always; }
table.who th.num { font-size: 8pt; text-align: center; }
table.who td.num { text-align: center; }
/* the events each table drew: a row per table, a column per budget year */
table.struck { table-layout: fixed; font-size: 8pt; }
table.struck th:first-child, table.struck td:first-child { width: 30mm; }
@media screen and (min-width: 900px) {
  /* on a projector (1024 × 768 too) or a big screen the page fills the width instead of an
     A4 column, and the text grows with the screen, so the back of the room can read it */
  body { max-width: min(94vw, 420mm); font-size: max(13pt, calc(0.75vw + 6pt));
    padding: 8mm 4vw; }
  h1 { font-size: 1.75em; }
  h2 { font-size: 1.3em; }
  h3 { font-size: 1.08em; }
  table, table.wide { font-size: 0.92em; }
  table.who th.num { font-size: 0.85em; }
  .small, figcaption { font-size: 0.85em; }
  small.file { font-size: 0.72em; }
  svg.chart { max-height: 78vh; width: auto; margin: 0 auto; }
}
footer { margin-top: 8mm; border-top: 0.6pt solid #c8c4bc; padding-top: 2mm; }
@media print {
  body { max-width: none; padding: 0; font-size: 10pt; }
  h2 { margin-top: 5mm; }
  /* the seed and checksum line is not a page of its own: it stays with what comes before */
  footer { margin-top: 3mm; break-before: avoid; page-break-before: avoid; }
}
"""


def esc(value: object) -> str:
    """HTML-escaped text of ``value``."""
    return escape(str(value), quote=True)


def page(title: str, lang: str, body: str) -> str:
    """A complete HTML document with the inline stylesheet."""
    return (
        f'<!DOCTYPE html>\n<html lang="{esc(lang)}">\n<head>\n<meta charset="utf-8">\n'
        f'<meta name="viewport" content="width=device-width, initial-scale=1">\n'
        f"<title>{esc(title)}</title>\n<style>{STYLE}</style>\n</head>\n<body>\n"
        f"{body}\n</body>\n</html>\n"
    )


def table(
    headers: Sequence[str],
    rows: Sequence[Sequence[str]],
    numeric: Sequence[int] = (),
    css_class: str = "",
) -> str:
    """A table; headers are escaped here, cells must already be HTML. ``numeric`` are the
    indexes of right-aligned columns."""
    klass = f' class="{esc(css_class)}"' if css_class else ""
    head = "".join(
        f'<th class="num">{esc(h)}</th>' if i in numeric else f"<th>{esc(h)}</th>"
        for i, h in enumerate(headers)
    )
    body = "\n".join(
        "<tr>"
        + "".join(
            f'<td class="num">{cell}</td>' if i in numeric else f"<td>{cell}</td>"
            for i, cell in enumerate(row)
        )
        + "</tr>"
        for row in rows
    )
    return f"<table{klass}>\n<thead><tr>{head}</tr></thead>\n<tbody>\n{body}\n</tbody>\n</table>"


def figure(svg: str, caption: str = "") -> str:
    """An SVG chart with an optional caption."""
    cap = f"<figcaption>{esc(caption)}</figcaption>" if caption else ""
    return f"<figure>\n{svg}\n{cap}</figure>"
