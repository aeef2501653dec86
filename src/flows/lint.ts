import type { DocPage } from '../knowledge/schema.ts';
import type { LintProblem } from './problems.ts';
import { edgesOf, evidenceValuesOf, type Cite, type Flow, type FlowNode } from './schema.ts';

/** Only the part of the knowledge base lint needs, so tests can pass a bare Map. */
export type FlowKnowledge = { pageById: ReadonlyMap<string, DocPage> };

const TRIGGER_CODE = /^\d{3,5}$/;

/** Structural and grounding checks for one tree; an empty list means the tree is safe to run. */
export function lintFlow(flow: Flow, file: string, kb: FlowKnowledge): LintProblem[] {
  const problems: LintProblem[] = [];
  const report = (node: string | null, reason: string) => problems.push({ file, node, reason });
  const nodes = new Map(Object.entries(flow.nodes));

  if (!nodes.has(flow.start)) report(null, `start "${flow.start}" does not exist`);
  for (const code of flow.triggers.codes) {
    if (!TRIGGER_CODE.test(code)) report(null, `trigger code "${code}" is not a 3–5 digit code`);
  }

  for (const [id, node] of nodes) {
    for (const edge of edgesOf(node)) {
      if (!nodes.has(edge.to)) report(id, `${edge.via} -> next "${edge.to}" does not exist`);
    }
    if (node.type === 'question') lintQuestion(id, node, report);
    for (const cite of citesOf(node)) {
      const reason = citeProblem(cite, kb);
      if (reason) report(id, reason);
    }
  }

  const reachable = reachableFrom(flow.start, nodes);
  for (const id of nodes.keys()) {
    if (!reachable.has(id)) report(id, `is unreachable from start "${flow.start}"`);
  }
  const canFinish = nodesThatReachALeaf(nodes);
  for (const id of reachable) {
    const node = nodes.get(id);
    // A question with no options is already reported as a dead end; say it once.
    if (node && !canFinish.has(id) && !(node.type === 'question' && node.options.length === 0)) {
      report(id, 'no path from here reaches an answer or escalation (a cycle or dead end)');
    }
  }
  return problems;
}

type Report = (node: string | null, reason: string) => void;

function lintQuestion(id: string, node: Extract<FlowNode, { type: 'question' }>, report: Report): void {
  if (node.options.length === 0) report(id, 'question has no options, so the conversation dead-ends here');
  const optionIds = new Set<string>();
  const phraseOwner = new Map<string, string>();
  const evidenceOwner = new Map<string, string>();
  for (const option of node.options) {
    if (optionIds.has(option.id)) report(id, `option id "${option.id}" is used twice`);
    optionIds.add(option.id);
    for (const phrase of option.match.map((p) => p.toLowerCase().trim())) {
      const owner = phraseOwner.get(phrase);
      // The same phrase on two options makes every reply containing it ambiguous.
      if (owner && owner !== option.id) report(id, `match phrase "${phrase}" is on both option "${owner}" and option "${option.id}"`);
      phraseOwner.set(phrase, option.id);
    }
    const values = evidenceValuesOf(option);
    if (values.length && !node.evidence) report(id, `option "${option.id}" has an evidenceValue but the question has no evidence key`);
    for (const value of values) {
      const owner = evidenceOwner.get(value);
      if (owner && owner !== option.id) report(id, `evidence value "${value}" picks both option "${owner}" and option "${option.id}"`);
      evidenceOwner.set(value, option.id);
    }
  }
}

function citesOf(node: FlowNode): Cite[] {
  return node.cites ?? [];
}

function citeProblem(cite: Cite, kb: FlowKnowledge): string | null {
  const page = kb.pageById.get(cite.page);
  if (!page) return `cites page "${cite.page}", which is not in the docs`;
  if (cite.section === undefined || page.sections.some((s) => s.anchor === cite.section)) return null;
  const hint = closestAnchor(cite.section, page.sections.map((s) => s.anchor));
  return `cites "${cite.page}#${cite.section}", but that page has no section with that anchor${hint ? ` (did you mean "${hint}"?)` : ''}`;
}

/** The anchor sharing the longest prefix with the typo: cheap, and right for the usual truncation or suffix slip. */
function closestAnchor(wanted: string, anchors: string[]): string | null {
  let best: string | null = null;
  let bestLength = 2;
  for (const anchor of anchors) {
    let n = 0;
    while (n < anchor.length && anchor[n] === wanted[n]) n++;
    if (n > bestLength) [best, bestLength] = [anchor, n];
  }
  return best;
}

function reachableFrom(start: string, nodes: ReadonlyMap<string, FlowNode>): Set<string> {
  const seen = new Set<string>();
  const queue = [start];
  for (let id = queue.shift(); id !== undefined; id = queue.shift()) {
    const node = nodes.get(id);
    if (!node || seen.has(id)) continue;
    seen.add(id);
    queue.push(...edgesOf(node).map((e) => e.to));
  }
  return seen;
}

/**
 * Nodes from which some sequence of choices ends at an answer or escalation.
 * Answers count as finished whatever their ifNotSolved says.
 */
function nodesThatReachALeaf(nodes: ReadonlyMap<string, FlowNode>): Set<string> {
  const done = new Set([...nodes].filter(([, n]) => n.type !== 'question').map(([id]) => id));
  for (let grew = true; grew; ) {
    grew = false;
    for (const [id, node] of nodes) {
      if (!done.has(id) && edgesOf(node).some((e) => done.has(e.to))) {
        done.add(id);
        grew = true;
      }
    }
  }
  return done;
}

/** Checks that need every tree at once: ids and trigger codes must be unique, continueWith must name a tree. */
export function lintFlowSet(entries: { file: string; flow: Flow }[]): LintProblem[] {
  const problems: LintProblem[] = [];
  const fileOfId = new Map<string, string>();
  const flowOfCode = new Map<string, string>();
  for (const { file, flow } of entries) {
    const other = fileOfId.get(flow.id);
    if (other) problems.push({ file, node: null, reason: `flow id "${flow.id}" is already used by ${other}` });
    else fileOfId.set(flow.id, file);
    for (const code of flow.triggers.codes) {
      const owner = flowOfCode.get(code);
      // One code, one tree: findFlowForCode must not depend on file order.
      if (owner && owner !== flow.id) problems.push({ file, node: null, reason: `trigger code "${code}" already starts flow "${owner}"` });
      else flowOfCode.set(code, flow.id);
    }
  }
  for (const { file, flow } of entries) {
    for (const [id, node] of Object.entries(flow.nodes)) {
      if (node.type === 'answer' && node.continueWith && !fileOfId.has(node.continueWith)) {
        problems.push({ file, node: id, reason: `continueWith "${node.continueWith}" is not a known flow id` });
      }
    }
  }
  return problems;
}
