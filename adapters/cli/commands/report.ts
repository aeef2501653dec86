import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { loadConfig } from '../../../src/config.ts';
import { loadKnowledge } from '../../../src/knowledge-cache/knowledge-snapshot.ts';
import { openEventLog } from '../../../src/observability/open-event-log.ts';
import { buildGapReport, type GapReport, type ReportLabels } from '../../../src/report/gap-report.ts';
import { readArgs, type CommandIo } from '../io.ts';

const USAGE = 'usage: report [--since 7d] [--json] [--html FILE]   (--since: 12h, 7d, 4w or a date like 2026-11-01)';
const UNIT_MS: Record<string, number> = { h: 3_600_000, d: 86_400_000, w: 7 * 86_400_000 };

/** "7d", "12h", "2w" back from now, or an ISO date; undefined when unreadable. */
export function parseSince(value: string, now: Date): Date | undefined {
  const relative = /^(\d+)([hdw])$/.exec(value.trim());
  if (relative?.[1] && relative[2]) return new Date(now.getTime() - Number(relative[1]) * (UNIT_MS[relative[2]] ?? 0));
  const absolute = Date.parse(value);
  return Number.isNaN(absolute) ? undefined : new Date(absolute);
}

/** `report [--since 7d] [--json] [--html FILE]`: the knowledge-gap report over the store (sqlite, or Redis with REDIS_URL). */
export async function run(args: string[], io: CommandIo): Promise<number> {
  const parsed = readArgs(args, { since: { type: 'string' }, json: { type: 'boolean' }, html: { type: 'string' } }, io, USAGE);
  if (!parsed) return 2;
  if (parsed.positionals.length) {
    io.err(`report: unexpected ${parsed.positionals.join(' ')}\n${USAGE}`);
    return 2;
  }
  const { since: sinceArg, html: htmlFile, json } = parsed.values;
  const now = new Date();
  const since = parseSince(sinceArg ?? '7d', now);
  if (!since) {
    io.err(`report: cannot read --since "${sinceArg}"\n${USAGE}`);
    return 2;
  }
  const config = loadConfig();
  const events = await openEventLog({ kind: 'sqlite', dataDir: config.DATA_DIR, redisUrl: config.REDIS_URL });
  let report: GapReport;
  try {
    report = buildGapReport(await events.since(since), { since, now, quietAfterMs: config.CONVERSATION_TTL_MINUTES * 60_000, labels: await knowledgeLabels(config.KNOWLEDGE_DIR, join(config.DATA_DIR, 'cache'), io) });
  } finally {
    await events.close();
  }
  if (htmlFile) {
    const { renderReportHtml } = await import('./report-html.ts');
    writeFileSync(htmlFile, renderReportHtml(report));
    if (!json) io.out(`Wrote ${htmlFile} (${report.totals.turns} turns since ${report.since.slice(0, 10)}).`);
  }
  if (json) io.out(JSON.stringify(report));
  else if (!htmlFile) printText(report, io);
  return 0;
}

/** Titles from the knowledge; the report still works (with ids) if the knowledge does not load. */
async function knowledgeLabels(dir: string, cacheDir: string, io: CommandIo): Promise<ReportLabels | undefined> {
  try {
    const { knowledge } = await loadKnowledge({ dir, cacheDir });
    return {
      page: (id) => knowledge.runtime.kb.pageById.get(id)?.title,
      tree: (id) => knowledge.flowById.get(id)?.title,
      node: (tree, node) => {
        const n = knowledge.flowById.get(tree)?.nodes[node];
        return n ? (n.type === 'answer' ? n.title : n.text) : undefined;
      },
    };
  } catch (error) {
    io.err(`report: knowledge did not load, showing ids only (${(error as Error).message.split('\n')[0]})`);
    return undefined;
  }
}

function printText(report: GapReport, io: CommandIo): void {
  const o = report.totals.outcomes;
  io.out(`Knowledge-gap report ${report.since.slice(0, 10)} – ${report.until.slice(0, 10)}: ${report.totals.turns} turns in ${report.totals.conversations} conversations`);
  io.out(`  answered ${o.answered}, suggestions only ${o.suggested}, not answered ${o.abstained}, out of scope ${o.out_of_scope}, escalated ${o.escalated}`);
  const groups = (title: string, list: GapReport['unanswered']) => {
    io.out(`\n${title}`);
    if (!list.length) io.out('  (none)');
    for (const g of list.slice(0, 10)) io.out(`  ${String(g.count).padStart(4)}  ${g.example}`);
  };
  groups('Not answered:', report.unanswered);
  groups('Suggestions only:', report.suggestedOnly);
  io.out('\nWorst-rated pages:');
  if (!report.worstPages.length) io.out('  (none)');
  for (const p of report.worstPages.slice(0, 10)) io.out(`  ${String(p.down).padStart(4)} down / ${p.up} up  ${p.title ?? p.page} (${p.page})`);
  io.out('\nWhere people give up:');
  if (!report.trees.length) io.out('  (no tree used)');
  for (const t of report.trees) {
    const worst = t.nodes.find((n) => n.leftHere > 0);
    io.out(`  ${t.tree}: started ${t.started}, solved ${t.solved}, escalated ${t.escalated}, left ${t.abandoned}, went quiet ${t.wentQuiet}${worst ? `; most left at "${worst.node}" (${worst.leftHere})` : ''}`);
  }
  io.out('\nEscalations:');
  if (!report.escalations.length) io.out('  (none)');
  for (const e of report.escalations) io.out(`  ${String(e.count).padStart(4)}  ${e.reason} -> ${e.audience}`);
}
