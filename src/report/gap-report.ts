import { redactSecrets } from '../safety/redact-secrets.ts';
import type { BotEvent, TurnEvent } from '../observability/turn-events.ts';
import { TURN_OUTCOMES, type TurnOutcome } from '../observability/turn-report.ts';
import { groupQuestions, type QuestionGroup } from './question-groups.ts';

export type NodeDropOff = { node: string; label?: string; reached: number; leftHere: number };
export type TreeDropOff = { tree: string; title?: string; started: number; solved: number; escalated: number; handedOver: number; abandoned: number; wentQuiet: number; nodes: NodeDropOff[] };
export type PageRating = { page: string; title?: string; up: number; down: number };

/** The weekly knowledge-gap report: what the bot failed to answer and where people gave up. */
export type GapReport = {
  since: string;
  until: string;
  totals: { turns: number; conversations: number; outcomes: Record<TurnOutcome, number> };
  perDay: { day: string; outcomes: Record<TurnOutcome, number> }[];
  unanswered: QuestionGroup[];
  suggestedOnly: QuestionGroup[];
  worstPages: PageRating[];
  trees: TreeDropOff[];
  escalations: { reason: string; audience: string; count: number }[];
};

/** Names for ids, from the knowledge, so the report reads as titles rather than slugs. */
export type ReportLabels = { page(id: string): string | undefined; tree(id: string): string | undefined; node(tree: string, node: string): string | undefined };

const noLabels: ReportLabels = { page: () => undefined, tree: () => undefined, node: () => undefined };

function zeroOutcomes(): Record<TurnOutcome, number> {
  return Object.fromEntries(TURN_OUTCOMES.map((o) => [o, 0])) as Record<TurnOutcome, number>;
}

/**
 * Builds the report from the event log. A conversation still in a tree whose last turn is older
 * than `quietAfterMs` (the conversation TTL) counts as having given up at that node.
 */
export function buildGapReport(events: BotEvent[], options: { since: Date; now: Date; quietAfterMs: number; labels?: ReportLabels }): GapReport {
  const labels = options.labels ?? noLabels;
  const turns = events.filter((e): e is TurnEvent => e.type === 'turn');
  const outcomes = zeroOutcomes();
  const perDay = new Map<string, Record<TurnOutcome, number>>();
  for (const t of turns) {
    outcomes[t.outcome]++;
    const day = t.at.slice(0, 10);
    const counts = perDay.get(day) ?? zeroOutcomes();
    counts[t.outcome]++;
    perDay.set(day, counts);
  }
  // Re-redacted on the way out: rows written before a redaction rule existed get it too.
  const questionsOf = (wanted: TurnOutcome[]) => turns.filter((t) => wanted.includes(t.outcome) && t.question).map((t) => redactSecrets(t.question ?? '').text);

  return {
    since: options.since.toISOString(),
    until: options.now.toISOString(),
    totals: { turns: turns.length, conversations: new Set(turns.map((t) => t.key)).size, outcomes },
    perDay: fillDays(options.since, options.now, perDay),
    unanswered: groupQuestions(questionsOf(['abstained', 'out_of_scope'])),
    suggestedOnly: groupQuestions(questionsOf(['suggested'])),
    worstPages: pageRatings(events, labels),
    trees: treeDropOffs(turns, options, labels),
    escalations: escalationCounts(turns),
  };
}

function fillDays(since: Date, now: Date, perDay: Map<string, Record<TurnOutcome, number>>): GapReport['perDay'] {
  const days: GapReport['perDay'] = [];
  const first = new Date(Date.UTC(since.getUTCFullYear(), since.getUTCMonth(), since.getUTCDate()));
  for (let d = first; d <= now; d = new Date(d.getTime() + 86_400_000)) {
    const day = d.toISOString().slice(0, 10);
    days.push({ day, outcomes: perDay.get(day) ?? zeroOutcomes() });
  }
  return days;
}

function pageRatings(events: BotEvent[], labels: ReportLabels): PageRating[] {
  const byPage = new Map<string, PageRating>();
  for (const e of events) {
    if (e.type !== 'feedback' || !e.page) continue;
    const rating = byPage.get(e.page) ?? { page: e.page, up: 0, down: 0, ...(labels.page(e.page) ? { title: labels.page(e.page) } : {}) };
    if (e.helpful) rating.up++;
    else rating.down++;
    byPage.set(e.page, rating);
  }
  // Most "did not help" first; among equals, the worse share of votes.
  return [...byPage.values()].filter((r) => r.down > 0).sort((a, b) => b.down - a.down || b.down / (b.up + b.down) - a.down / (a.up + a.down)).slice(0, 20);
}

function treeDropOffs(turns: TurnEvent[], options: { now: Date; quietAfterMs: number }, labels: ReportLabels): TreeDropOff[] {
  const trees = new Map<string, TreeDropOff & { nodeMap: Map<string, NodeDropOff> }>();
  const treeOf = (id: string) => {
    let tree = trees.get(id);
    if (!tree) {
      tree = { tree: id, ...(labels.tree(id) ? { title: labels.tree(id) } : {}), started: 0, solved: 0, escalated: 0, handedOver: 0, abandoned: 0, wentQuiet: 0, nodes: [], nodeMap: new Map() };
      trees.set(id, tree);
    }
    return tree;
  };
  const nodeOf = (tree: string, node: string) => {
    const t = treeOf(tree);
    let n = t.nodeMap.get(node);
    if (!n) {
      const label = labels.node(tree, node);
      n = { node, ...(label ? { label } : {}), reached: 0, leftHere: 0 };
      t.nodeMap.set(node, n);
    }
    return n;
  };
  const open = new Map<string, { tree: string; node: string; at: number }>();
  for (const t of turns) {
    if (t.treeEnded) {
      const tree = treeOf(t.treeEnded.tree);
      const how = t.treeEnded.how;
      if (how === 'abandoned') {
        tree.abandoned++;
        nodeOf(t.treeEnded.tree, t.treeEnded.node).leftHere++;
      } else if (how === 'solved') tree.solved++;
      else if (how === 'escalated') tree.escalated++;
      else tree.handedOver++;
      open.delete(t.key);
    }
    if (t.treeStarted) treeOf(t.treeStarted).started++;
    if (t.tree && t.node) {
      nodeOf(t.tree, t.node).reached++;
      open.set(t.key, { tree: t.tree, node: t.node, at: Date.parse(t.at) });
    } else if (!t.treeEnded) open.delete(t.key);
  }
  for (const left of open.values()) {
    if (options.now.getTime() - left.at < options.quietAfterMs) continue; // may still answer
    treeOf(left.tree).wentQuiet++;
    nodeOf(left.tree, left.node).leftHere++;
  }
  return [...trees.values()]
    .map(({ nodeMap, ...tree }) => ({ ...tree, nodes: [...nodeMap.values()].sort((a, b) => b.leftHere - a.leftHere || b.reached - a.reached) }))
    .sort((a, b) => b.abandoned + b.wentQuiet - (a.abandoned + a.wentQuiet) || b.started - a.started);
}

function escalationCounts(turns: TurnEvent[]): GapReport['escalations'] {
  const counts = new Map<string, { reason: string; audience: string; count: number }>();
  for (const t of turns) {
    if (!t.escalation) continue;
    const id = `${t.escalation.reason} ${t.escalation.audience}`;
    const entry = counts.get(id) ?? { ...t.escalation, count: 0 };
    entry.count++;
    counts.set(id, entry);
  }
  return [...counts.values()].sort((a, b) => b.count - a.count);
}
