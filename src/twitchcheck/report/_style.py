"""The report's own CSS, screen and print alike: A4, small type, compact ruled tables, black
on white; meaning is carried by words and symbols, never by colour alone."""

CSS = """
@page {
  size: A4;
  margin: 11mm 11mm 13mm 11mm;
  @bottom-left { content: string(person); font-size: 7pt; color: #444; }
  @bottom-right { content: "page " counter(page) " of " counter(pages); font-size: 7pt;
                  color: #444; }
}
html { font-family: "DejaVu Sans", "Liberation Sans", Arial, sans-serif; font-size: 7.6pt;
       line-height: 1.28; color: #000; background: #fff; }
body { margin: 0 auto; max-width: 190mm; }
h1 { font-size: 12pt; margin: 0 0 1mm 0; string-set: person content(); }
h1 small { font-weight: normal; font-size: 8pt; }
h2 { font-size: 8.8pt; margin: 2.6mm 0 0.8mm 0; padding-bottom: 0.3mm;
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
.flag { border: 1.2pt solid #000; padding: 1mm 1.6mm; margin: 0.8mm 0; }
.flag .level { font-weight: 700; text-transform: uppercase; letter-spacing: 0.02em; }
.nowrap { white-space: nowrap; }
.none { font-style: italic; }
.small, .cite { font-size: 6.6pt; }
.cite { color: #333; }
.notes { margin: 0.6mm 0; padding-left: 4mm; }
.notes li { margin: 0.2mm 0; }
.columns { display: flex; gap: 4mm; align-items: flex-start; }
.columns > div { flex: 1; }
svg { display: block; margin: 0.6mm 0; }
ul.sources { font-size: 6.3pt; margin: 0.5mm 0; padding-left: 0; list-style: none;
             columns: 2; column-gap: 5mm; }
ul.sources li { break-inside: avoid; margin-bottom: 0.3mm; }
a { color: #000; text-decoration: none; }
.url { word-break: break-all; color: #333; }
"""
