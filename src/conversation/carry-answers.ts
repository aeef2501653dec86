import { reason } from '../knowledge/reason.ts';
import type { FlowState } from '../flows/runner.ts';
import { evidenceValuesOf, type Flow } from '../flows/schema.ts';
import { evidenceFactsSchema, mergeEvidence, type EvidenceFacts } from './evidence.ts';

/** Evidence keys a tree may ask about that are also conversation facts. */
const SCALAR_KEYS = new Set(['audience', 'branded', 'plan', 'sslMode', 'cloudflaredRunning']);

/**
 * When one tree hands over to another ("Go to: Origin connectivity"), what the
 * user already answered there (their role, the code they picked) becomes a
 * fact, so the next tree does not ask it again. Facts the user stated keep
 * priority; a value the facts schema would reject is left out.
 */
export function carryTreeAnswers(flow: Flow, state: FlowState, facts: EvidenceFacts): EvidenceFacts {
  let carried = facts;
  for (const entry of state.path) {
    const node = flow.nodes[entry.nodeId];
    if (node?.type !== 'question' || !node.evidence) continue;
    const option = node.options.find((o) => o.label === entry.answer);
    // An option standing for several values ("520–524") says nothing definite to carry.
    const values = option ? evidenceValuesOf(option) : [];
    const value = values.length === 1 ? values[0] : undefined;
    if (!value) continue;
    const because = reason('answered', 'becauseAnsweredEarlier', { answer: entry.answer });
    let fresh: Partial<EvidenceFacts> | undefined;
    if (node.evidence === 'code' && !carried.codes.length && /^\d{3,5}$/.test(value)) fresh = { codes: [value], because: { code: because } };
    else if (SCALAR_KEYS.has(node.evidence) && carried[node.evidence as keyof EvidenceFacts] === undefined) fresh = { [node.evidence]: value, because: { [node.evidence]: because } };
    if (!fresh) continue;
    const next = evidenceFactsSchema.safeParse(mergeEvidence(carried, fresh));
    if (next.success) carried = next.data;
  }
  return carried;
}
