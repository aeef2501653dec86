import { z } from 'zod';
import { pickOptionFromStatement } from '../flows/text-match.ts';
import type { Flow } from '../flows/schema.ts';

/**
 * What a user's own words already answer, in any tree, at any node: "too
 * many redirects" answers the SSL tree's symptom question even when the tree
 * asks about the user's role first. Each message is read against every
 * question once; the tree takes the answer when it reaches that question,
 * whatever order it asks in. Only the conservative statement match counts
 * (multi-word phrases, exactly one option), so a stray word never picks a branch.
 */

export const statedAnswersSchema = z.record(z.string(), z.object({ option: z.string(), because: z.string() }));
export type StatedAnswers = z.infer<typeof statedAnswersSchema>;

/** The flow-evidence key the runner looks up for a question node. */
export function statedEvidenceKey(flowId: string, nodeId: string): string {
  return `stated:${flowId}/${nodeId}`;
}

export function statedAnswers(flows: readonly Flow[], text: string): StatedAnswers {
  const found: StatedAnswers = {};
  for (const flow of flows) {
    for (const [nodeId, node] of Object.entries(flow.nodes)) {
      if (node.type !== 'question') continue;
      const hit = pickOptionFromStatement(node.options, text);
      if (hit) found[`${flow.id}/${nodeId}`] = { option: hit.option.id, because: `you said “${hit.phrase}”` };
    }
  }
  return found;
}
