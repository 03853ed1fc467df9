"""The report's own CSS, screen and print alike: A4, small type, compact ruled tables, black
on white; meaning is carried by words and symbols, never by colour alone."""

CSS = """
@page {
  size: A4;
  margin: 9mm 9mm 11mm 9mm;
  @bottom-left { content: string(person); font-size: 7pt; color: #444; }
  @bottom-right { content: "page " counter(page) " of " counter(pages); font-size: 7pt;
                  color: #444; }
}
html { font-family: "Liberation Sans", Arial, "DejaVu Sans", sans-serif; font-size: 7.5pt;
       line-height: 1.22; color: #000; background: #fff; }
body { margin: 0 auto; max-width: 190mm; }
h1 { font-size: 12pt; margin: 0 0 1mm 0; string-set: person content(); }
h1 small { font-weight: normal; font-size: 8pt; }
h2 { font-size: 8.4pt; margin: 2mm 0 0.6mm 0; padding-bottom: 0.3mm;
     border-bottom: 0.6pt solid #000; break-after: avoid; }
p { margin: 0.6mm 0; }
.who { display: flex; flex-wrap: wrap; gap: 0 5mm; margin: 0 0 1mm 0; }
.who span b { font-weight: 600; }
.lead { font-size: 7pt; color: #333; }
table { border-collapse: collapse; width: 100%; margin: 0.6mm 0; break-inside: auto; }
th, td { border: 0.4pt solid #888; padding: 0.35mm 1mm; vertical-align: top; text-align: left; }
th { background: #eee; font-weight: 600; }
td.n, th.n { text-align: right; white-space: nowrap; }
tr { break-inside: avoid; }
.flag { border: 1pt solid #000; padding: 0.4mm 1.2mm; margin: 0.5mm 0; }
.flag .level { font-weight: 700; text-transform: uppercase; letter-spacing: 0.02em; }
.nowrap { white-space: nowrap; }
.none { font-style: italic; }
.small, .cite { font-size: 6.2pt; }
.cite { color: #333; }
.notes { margin: 0.6mm 0; padding-left: 4mm; }
.notes li { margin: 0.2mm 0; }
.columns { display: flex; gap: 4mm; align-items: flex-start; }
.columns > div { flex: 1; }
table.labs { table-layout: fixed; }
table.medicines td:first-child { width: 20%; }
svg { display: block; margin: 0.6mm 0; }
ul.sources { font-size: 5.7pt; line-height: 1.15; margin: 0.5mm 0; padding-left: 0;
             list-style: none; columns: 3; column-gap: 4mm; }
ul.sources li { break-inside: avoid; margin-bottom: 0.3mm; }
a { color: #000; text-decoration: none; }
.url { word-break: break-all; color: #333; }
"""

# A record too long for two pages at the sizes above is set once more, smaller (report.pdf).
COMPACT_CSS = """
html.compact { font-size: 6.6pt; line-height: 1.15; }
html.compact .small, html.compact .cite { font-size: 5.7pt; }
html.compact ul.sources { font-size: 5.2pt; columns: 4; column-gap: 3mm; }
html.compact h2 { font-size: 7.6pt; margin: 1.4mm 0 0.4mm 0; }
html.compact th, html.compact td { padding: 0.2mm 0.8mm; }
html.compact .flag { padding: 0.2mm 1mm; margin: 0.3mm 0; }
html.compact p { margin: 0.4mm 0; }
"""
