import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { SupportEngine } from '../../src/conversation/seam.ts';
import { loadEngineKnowledge } from '../../src/engine-knowledge.ts';
import { checklistTopic } from '../../src/escalation/checklist-merge.ts';
import type { Flow } from '../../src/flows/schema.ts';
import { allSources, conversation, testEngine } from '../support/engine.ts';

/**
 * Every root-to-leaf path of every shipped tree, clicked through the engine
 * the way a person would: each must end in an answer that cites the page it
 * names, or in an escalation with a pre-filled case.
 */
type Leaf = { flow: Flow; clicks: { nodeId: string; optionId: string }[]; notSolved: number; leafId: string };

function leavesOf(flow: Flow): Leaf[] {
  const out: Leaf[] = [];
  // `settled` mirrors the runner: a question whose evidence key was answered earlier in the path is taken, not asked.
  const walk = (nodeId: string, clicks: Leaf['clicks'], notSolved: number, seen: Set<string>, settled: Map<string, string[]>) => {
    const node = flow.nodes[nodeId];
    if (!node || seen.has(nodeId)) return;
    const here = new Set(seen).add(nodeId);
    if (node.type === 'question') {
      const known = node.evidence ? settled.get(node.evidence) : undefined;
      const values = (o: (typeof node.options)[number]) => [o.evidenceValue ?? []].flat().map((v) => v.toLowerCase());
      const auto = known && node.options.find((o) => values(o).some((v) => known.includes(v)));
      if (auto) return walk(auto.next, clicks, notSolved, here, settled);
      for (const o of node.options) {
        const next = new Map(settled);
        if (node.evidence && values(o).length) next.set(node.evidence, values(o));
        walk(o.next, [...clicks, { nodeId, optionId: o.id }], notSolved, here, next);
      }
      return;
    }
    out.push({ flow, clicks, notSolved, leafId: nodeId });
    if (node.type === 'answer' && node.ifNotSolved) walk(node.ifNotSolved, clicks, notSolved + 1, here, settled);
  };
  walk(flow.start, [], 0, new Set(), new Map());
  return out;
}

const knowledge = loadEngineKnowledge();
const leaves = knowledge.flows.flatMap(leavesOf);

describe('every leaf of every decision tree', () => {
  let engine: SupportEngine;
  let cleanup: () => Promise<void>;
  beforeAll(async () => {
    ({ engine, cleanup } = await testEngine());
  });
  afterAll(() => cleanup());

  it('ships the trees the product promises', () => {
    const ids = knowledge.flows.map((f) => f.id);
    for (const id of ['5xx-triage', 'origin-connectivity', 'ssl-tls', 'access-denied', 'dns-host', 'workers', 'contacting-support']) expect(ids).toContain(id);
    expect(leaves.length).toBeGreaterThan(30);
  });

  it.each(leaves.map((l, i) => [`${l.flow.id} → ${l.leafId} (#${i})`, l] as const))('%s', async (_name, leaf) => {
    const chat = conversation(engine, `leaf-${leaf.flow.id}-${leaf.leafId}-${leaf.clicks.map((c) => c.optionId).join('.')}-${leaf.notSolved}`);
    let replies = await chat.choose(`flow:${leaf.flow.id}`);
    let pendingNo = leaf.notSolved;
    const clicks = [...leaf.clicks];
    // Replay: answer questions with the recorded clicks, and "No, still broken" to reach ifNotSolved leaves.
    for (let guard = 0; guard < 40; guard++) {
      const offered = replies.flatMap((r) => r.choices ?? []);
      const next = clicks[0];
      const optionChoice = next ? offered.find((c) => c.id === `opt:${leaf.flow.id}:${next.nodeId}:${next.optionId}`) : undefined;
      if (optionChoice) {
        clicks.shift();
        replies = await chat.choose(optionChoice.id);
        continue;
      }
      if (pendingNo > 0 && offered.some((c) => c.id === 'solved:no')) {
        pendingNo--;
        replies = await chat.choose('solved:no');
        continue;
      }
      break;
    }
    expect(clicks, 'every recorded click was offered as a button').toEqual([]);
    const leafNode = leaf.flow.nodes[leaf.leafId];
    if (leafNode?.type === 'answer') {
      const cited = allSources(replies);
      for (const cite of leafNode.cites) {
        const page = knowledge.runtime.kb.pageById.get(cite.page);
        expect(cited.some((u) => u.startsWith(page?.url ?? '#'))).toBe(true);
      }
      const ids = replies.at(-1)?.choices?.map((c) => c.id) ?? [];
      expect(ids.slice(0, 2)).toEqual(['solved:yes', 'solved:no']);
      if (leafNode.continueWith) {
        // The hand-over button opens the next tree.
        const next = knowledge.flowById.get(leafNode.continueWith);
        expect(ids).toContain(`flow:${leafNode.continueWith}`);
        const opened = await chat.choose(`flow:${leafNode.continueWith}`);
        expect(opened.some((r) => r.title === next?.title || r.escalation)).toBe(true);
      }
    } else {
      const escalation = replies.find((r) => r.escalation)?.escalation;
      expect(escalation?.summary.length).toBeGreaterThan(20);
      expect(escalation?.checklist.length).toBeGreaterThan(0);
      expect(escalation?.url).toMatch(/^https:\/\//);
      // Short and without repeats: at most 7 items, no two asking for the same thing.
      const checklist = escalation?.checklist ?? [];
      expect(checklist.length).toBeLessThanOrEqual(7);
      const topics = checklist.map(checklistTopic).filter((t) => t !== undefined);
      expect(topics, checklist.join('\n')).toEqual([...new Set(topics)]);
      expect(new Set(checklist.map((c) => c.toLowerCase())).size).toBe(checklist.length);
    }
  });
});
