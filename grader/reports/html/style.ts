/** The report's only stylesheet, inlined: light and dark, printable, no web fonts. */
export const REPORT_STYLE = `
:root{color-scheme:light dark;--fg:#0f172a;--muted:#475569;--bg:#fff;--card:#f8fafc;--line:#cbd5e1;--accent:#2563eb;--good:#16a34a;--fair:#d97706;--poor:#dc2626}
@media (prefers-color-scheme:dark){:root{--fg:#e2e8f0;--muted:#94a3b8;--bg:#0f172a;--card:#1e293b;--line:#334155;--accent:#60a5fa}}
*{box-sizing:border-box}
body{margin:0 auto;max-width:1100px;padding:1.5rem;font:15px/1.5 system-ui,-apple-system,"Segoe UI",Roboto,sans-serif;color:var(--fg);background:var(--bg)}
h1{font-size:1.6rem;margin:.2rem 0}h2{font-size:1.25rem;margin-top:2.2rem;border-bottom:1px solid var(--line);padding-bottom:.3rem}h3{font-size:1.05rem;margin:.2rem 0}
a{color:var(--accent)}
.muted{color:var(--muted)}
.stats{display:flex;flex-wrap:wrap;gap:.6rem;margin:1rem 0}
.stat{background:var(--card);border:1px solid var(--line);border-radius:8px;padding:.5rem .8rem;min-width:7.5rem}
.stat b{display:block;font-size:1.3rem}
.chart{width:100%;max-width:640px;height:auto}
.chart .bar{fill:var(--accent)}.chart .axis{stroke:var(--line)}.chart text{fill:var(--muted);font-size:12px}.chart .value{fill:var(--fg);font-weight:600}
table{border-collapse:collapse;width:100%}th,td{text-align:left;padding:.35rem .5rem;border-bottom:1px solid var(--line);vertical-align:top}
td.num{text-align:right;white-space:nowrap}
.pass-bar{vertical-align:middle}.pass-bar .track{fill:var(--card);stroke:var(--line)}.pass-bar .good{fill:var(--good)}.pass-bar .fair{fill:var(--fair)}.pass-bar .poor{fill:var(--poor)}
.share{font-variant-numeric:tabular-nums}
.group{background:var(--card);border:1px solid var(--line);border-radius:10px;padding:1rem;margin:1rem 0}
.group ul{margin:.3rem 0 .6rem;padding-left:1.2rem}
.columns{display:grid;grid-template-columns:minmax(0,1fr) minmax(0,1fr);gap:1rem}
@media (max-width:800px){.columns{grid-template-columns:1fr}}
.graph{overflow:auto;background:var(--bg);border:1px solid var(--line);border-radius:8px;padding:.5rem}
.graph svg{max-width:100%;height:auto}
.tag{display:inline-block;border:1px solid var(--line);border-radius:999px;padding:0 .5rem;margin:0 .25rem .25rem 0;font-size:.85rem}
details summary{cursor:pointer}
.evidence td,.evidence th{font-family:ui-monospace,SFMono-Regular,Menlo,monospace;font-size:.85rem;word-break:break-word}
.score{font-weight:700}
footer{margin-top:3rem;color:var(--muted);font-size:.85rem}
@media print{.group{break-inside:avoid}}
`.trim();
