import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import type { GapReport } from '../../../src/report/gap-report.ts';
import type { QuestionGroup } from '../../../src/report/question-groups.ts';

/** uPlot's own build, inlined, so the page works offline and from a mail attachment. */
function uplotAssets(): { js: string; css: string } {
  const dist = dirname(createRequire(import.meta.url).resolve('uplot'));
  return { js: readFileSync(join(dist, 'uPlot.iife.min.js'), 'utf8'), css: readFileSync(join(dist, 'uPlot.min.css'), 'utf8') };
}

const escapeHtml = (text: string) => text.replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);
/** JSON inside <script>: no "</script>" or "<!--" can end it early. */
const scriptJson = (value: unknown) => JSON.stringify(value).replace(/</g, '\\u003c');
/** Inlined library code must not contain a closing tag either. */
const inlineScript = (code: string) => code.replace(/<\/script/gi, '<\\/script');

const OUTCOME_COLORS: Record<string, string> = {
  answered: '#188038', suggested: '#f9ab00', abstained: '#d93025', out_of_scope: '#a142f4', tree_step: '#1a73e8', escalated: '#e8710a', feedback: '#12b5cb', small_talk: '#9aa0a6', stale: '#5f6368', error: '#b31412', other: '#bdc1c6',
};

function groupTable(title: string, groups: QuestionGroup[], empty: string): string {
  if (!groups.length) return `<h2>${title}</h2><p class="empty">${empty}</p>`;
  const rows = groups
    .map((g) => `<tr><td class="num">${g.count}</td><td>${escapeHtml(g.example)}${g.variants.length ? `<div class="variants">also: ${g.variants.map((v) => `“${escapeHtml(v)}”`).join(', ')}</div>` : ''}</td></tr>`)
    .join('');
  return `<h2>${title}</h2><table><thead><tr><th>asked</th><th>example (redacted)</th></tr></thead><tbody>${rows}</tbody></table>`;
}

/** One self-contained page: tables for reading, uPlot charts for the trends. */
export function renderReportHtml(report: GapReport): string {
  const { js, css } = uplotAssets();
  const outcomes = Object.keys(report.totals.outcomes).filter((o) => report.perDay.some((d) => (d.outcomes as Record<string, number>)[o]));
  const chartData = {
    days: report.perDay.map((d) => Date.parse(`${d.day}T00:00:00Z`) / 1000),
    series: outcomes.map((o) => ({ label: o, color: OUTCOME_COLORS[o] ?? '#444', values: report.perDay.map((d) => (d.outcomes as Record<string, number>)[o] ?? 0) })),
    trees: report.trees.filter((t) => t.nodes.length).map((t) => ({ id: t.tree, title: t.title ?? t.tree, nodes: t.nodes.map((n) => n.node), reached: t.nodes.map((n) => n.reached), left: t.nodes.map((n) => n.leftHere) })),
  };
  const pages = report.worstPages.length
    ? `<table><thead><tr><th>page</th><th class="num">did not help</th><th class="num">helped</th></tr></thead><tbody>${report.worstPages.map((p) => `<tr><td>${escapeHtml(p.title ?? p.page)} <code>${escapeHtml(p.page)}</code></td><td class="num">${p.down}</td><td class="num">${p.up}</td></tr>`).join('')}</tbody></table>`
    : '<p class="empty">No page was rated "did not help".</p>';
  const trees = report.trees.length
    ? report.trees
        .map((t) => {
          const worst = t.nodes.filter((n) => n.leftHere > 0).slice(0, 5);
          return `<section class="tree"><h3>${escapeHtml(t.title ?? t.tree)} <code>${escapeHtml(t.tree)}</code></h3><p>started ${t.started} · solved ${t.solved} · escalated ${t.escalated} · handed over ${t.handedOver} · left for another question ${t.abandoned} · went quiet ${t.wentQuiet}</p>${worst.length ? `<ul>${worst.map((n) => `<li><code>${escapeHtml(n.node)}</code> ${n.label ? escapeHtml(n.label) : ''}: ${n.leftHere} left here (reached ${n.reached})</li>`).join('')}</ul>` : ''}<div class="chart" data-tree="${escapeHtml(t.tree)}"></div></section>`;
        })
        .join('')
    : '<p class="empty">No decision tree was used in this period.</p>';
  const escalations = report.escalations.length
    ? `<table><thead><tr><th>reason</th><th>audience</th><th class="num">count</th></tr></thead><tbody>${report.escalations.map((e) => `<tr><td>${escapeHtml(e.reason)}</td><td>${escapeHtml(e.audience)}</td><td class="num">${e.count}</td></tr>`).join('')}</tbody></table>`
    : '<p class="empty">No escalations.</p>';
  const o = report.totals.outcomes;
  return `<!doctype html>
<html lang="en"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1">
<title>Knowledge-gap report ${escapeHtml(report.since.slice(0, 10))} – ${escapeHtml(report.until.slice(0, 10))}</title>
<style>${css}
body{font:15px/1.45 system-ui,-apple-system,"Segoe UI",sans-serif;margin:2rem auto;max-width:980px;padding:0 1rem;color:#202124}
h1{font-size:1.6rem;margin-bottom:.2rem}h2{margin-top:2rem;border-bottom:1px solid #dadce0;padding-bottom:.2rem}
table{border-collapse:collapse;width:100%}th,td{text-align:left;padding:.35rem .5rem;border-bottom:1px solid #eee;vertical-align:top}
.num{text-align:right;width:6rem;font-variant-numeric:tabular-nums}.variants{color:#5f6368;font-size:.9em}.empty{color:#5f6368}
.cards{display:flex;gap:1rem;flex-wrap:wrap}.card{border:1px solid #dadce0;border-radius:8px;padding:.6rem 1rem;min-width:7rem}.card b{display:block;font-size:1.4rem}
code{background:#f1f3f4;padding:0 .25rem;border-radius:3px;font-size:.88em}.tree{margin-bottom:1.5rem}
</style></head><body>
<h1>Knowledge-gap report</h1>
<p>${escapeHtml(report.since.slice(0, 16).replace('T', ' '))} – ${escapeHtml(report.until.slice(0, 16).replace('T', ' '))} UTC</p>
<div class="cards"><div class="card"><b>${report.totals.turns}</b>turns</div><div class="card"><b>${report.totals.conversations}</b>conversations</div><div class="card"><b>${o.answered}</b>answered</div><div class="card"><b>${o.suggested}</b>suggested only</div><div class="card"><b>${o.abstained + o.out_of_scope}</b>not answered</div><div class="card"><b>${o.escalated}</b>escalated</div></div>
<h2>Turns per day by outcome</h2><div id="per-day" class="chart"></div>
${groupTable('Questions the bot could not answer', report.unanswered, 'Every question found an answer.')}
${groupTable('Questions that only got suggestions', report.suggestedOnly, 'No question ended in suggestions only.')}
<h2>Worst-rated pages</h2>${pages}
<h2>Where people give up in each tree</h2>${trees}
<h2>Escalations by reason</h2>${escalations}
<script id="report-data" type="application/json">${scriptJson(chartData)}</script>
<script>${inlineScript(js)}</script>
<script>
(function () {
  var data = JSON.parse(document.getElementById('report-data').textContent);
  var width = Math.min(940, document.body.clientWidth - 20);
  var perDay = document.getElementById('per-day');
  if (data.series.length) {
    new uPlot({ width: width, height: 280, scales: { x: { time: true } },
      series: [{}].concat(data.series.map(function (s) { return { label: s.label, stroke: s.color, width: 2, points: { show: true } }; })),
      axes: [{ splits: function () { return data.days; }, values: function (u, splits) { return splits.map(function (s) { return new Date(s * 1000).toISOString().slice(5, 10); }); } }, { label: 'turns' }] }, [data.days].concat(data.series.map(function (s) { return s.values; })), perDay);
  } else { perDay.textContent = 'No turns in this period.'; }
  var bars = uPlot.paths.bars({ size: [0.6, 60] });
  data.trees.forEach(function (t) {
    var el = document.querySelector('.chart[data-tree="' + t.id + '"]');
    if (!el) return;
    var xs = t.nodes.map(function (_, i) { return i; });
    new uPlot({ width: width, height: 220, scales: { x: { time: false, range: [-0.5, t.nodes.length - 0.5] } },
      series: [{ label: 'node', value: function (u, v) { return v == null ? '' : t.nodes[v]; } },
        { label: 'left here', stroke: '#d93025', fill: 'rgba(217,48,37,0.35)', paths: bars, points: { show: false } },
        { label: 'reached', stroke: '#1a73e8', width: 2 }],
      axes: [{ splits: function () { return xs; }, values: function (u, splits) { return splits.map(function (i) { return t.nodes[i] || ''; }); }, size: 50 }, { label: 'people' }] },
      [xs, t.left, t.reached], el);
  });
})();
</script>
</body></html>
`;
}
