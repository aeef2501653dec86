import { describe, expect, it } from 'vitest';
import type { BotEvent } from '../observability/turn-events.ts';
import { buildGapReport } from './gap-report.ts';
import { groupQuestions } from './question-groups.ts';

const turn = (at: string, key: string, extra: Partial<Extract<BotEvent, { type: 'turn' }>>): BotEvent => ({ type: 'turn', at, key, platform: 'cli', input: 'text', outcome: 'tree_step', latencyMs: 1, ...extra });

describe('question groups', () => {
  it('puts the same question in other words together and keeps distinct ones apart', () => {
    const groups = groupQuestions(['How do I get a refund?', 'refund my invoice', 'get a refund for my invoice', 'write a poem about penguins']);
    expect(groups[0]).toMatchObject({ count: 3, example: expect.stringMatching(/refund/i) });
    expect(groups.map((g) => g.count).reduce((a, b) => a + b, 0)).toBe(4);
    expect(groups.find((g) => /penguin/.test(g.example))?.count).toBe(1);
  });
});

describe('tree drop-off', () => {
  const now = new Date('2026-12-01T12:00:00Z');
  const options = { since: new Date('2026-11-24T00:00:00Z'), now, quietAfterMs: 30 * 60_000 };

  it('a conversation still in a tree after the TTL went quiet at its last node; a recent one may still answer', () => {
    const report = buildGapReport(
      [
        turn('2026-12-01T09:00:00Z', 'cli:old', { outcome: 'answered', treeStarted: 'ssl', tree: 'ssl', node: 'mode' }),
        turn('2026-12-01T09:01:00Z', 'cli:old', { tree: 'ssl', node: 'cert' }),
        turn('2026-12-01T11:50:00Z', 'cli:recent', { treeStarted: 'ssl', tree: 'ssl', node: 'mode' }),
      ],
      options,
    );
    const ssl = report.trees[0];
    expect(ssl).toMatchObject({ tree: 'ssl', started: 2, wentQuiet: 1, abandoned: 0 });
    expect(ssl?.nodes.find((n) => n.node === 'cert')).toMatchObject({ reached: 1, leftHere: 1 });
    expect(ssl?.nodes.find((n) => n.node === 'mode')).toMatchObject({ reached: 2, leftHere: 0 });
  });

  it('leaving for another question counts where it happened; finishing closes the tree', () => {
    const report = buildGapReport(
      [
        turn('2026-12-01T09:00:00Z', 'cli:a', { treeStarted: 'ssl', tree: 'ssl', node: 'mode' }),
        turn('2026-12-01T09:01:00Z', 'cli:a', { outcome: 'answered', page: 'error-522', treeEnded: { tree: 'ssl', node: 'mode', how: 'abandoned' } }),
        turn('2026-12-01T09:02:00Z', 'cli:b', { treeStarted: 'dns', tree: 'dns', node: 'q' }),
        turn('2026-12-01T09:03:00Z', 'cli:b', { outcome: 'feedback', treeEnded: { tree: 'dns', node: 'fix', how: 'solved' } }),
      ],
      options,
    );
    expect(report.trees.find((t) => t.tree === 'ssl')).toMatchObject({ abandoned: 1, wentQuiet: 0 });
    expect(report.trees.find((t) => t.tree === 'dns')).toMatchObject({ solved: 1, wentQuiet: 0 });
  });
});
