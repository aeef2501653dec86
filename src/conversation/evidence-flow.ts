import { z } from 'zod';
import { reason, reasonSchema, type Reason } from '../knowledge/reason.ts';
import { statedEvidenceKey } from './stated-answers.ts';
import { PLAN_LABELS, SSL_MODE_LABELS, type EvidenceFacts } from './evidence-facts.ts';

/**
 * The tree runner's view of the facts: one answer per question key, each
 * with the sentence the bot shows when it skips that question ("I skipped
 * this because you pasted a Cloudflare-branded error page").
 */

export const flowEvidenceSchema = z.record(z.string(), z.object({ value: z.string(), because: reasonSchema }));
export type FlowEvidence = z.infer<typeof flowEvidenceSchema>;

/** Used only when a fact arrived without its own reason (for example built by hand in a test or a store migration). */
function fallbackBecause(facts: EvidenceFacts): Record<string, Reason | undefined> {
  return {
    branded: facts.branded === 'yes' ? reason('unknown', 'becauseBranded') : reason('unknown', 'becauseUnbranded'),
    audience: facts.audience === 'visitor' ? reason('unknown', 'becauseVisitor') : reason('unknown', 'becauseOwner'),
    plan: facts.plan ? reason('said', 'becausePlanSaid', { plan: PLAN_LABELS[facts.plan] }) : undefined,
    code: facts.codes[0] ? reason('said', 'becauseCodeMentioned', { code: facts.codes[0] }) : undefined,
    sslMode: facts.sslMode ? reason('said', 'becauseSslModeSaid', { mode: SSL_MODE_LABELS[facts.sslMode] }) : undefined,
    cloudflaredRunning: facts.cloudflaredRunning === 'yes' ? reason('said', 'becauseCloudflaredRunningSaid') : reason('said', 'becauseCloudflaredStoppedSaid'),
    colo: facts.colo ? reason('unknown', 'becauseColo', { colo: facts.colo }) : undefined,
  };
}

export function toFlowEvidence(facts: EvidenceFacts): FlowEvidence {
  const values: Record<string, string | undefined> = {
    branded: facts.branded,
    audience: facts.audience,
    plan: facts.plan,
    code: facts.codes[0],
    sslMode: facts.sslMode,
    cloudflaredRunning: facts.cloudflaredRunning,
    colo: facts.colo,
  };
  const fallback = fallbackBecause(facts);
  const evidence: FlowEvidence = {};
  for (const [key, value] of Object.entries(values)) {
    if (value === undefined) continue;
    const because = facts.because[key as keyof EvidenceFacts['because']] ?? fallback[key];
    if (because) evidence[key] = { value, because };
  }
  for (const [at, answer] of Object.entries(facts.stated)) {
    const [flowId = '', nodeId = ''] = at.split('/');
    evidence[statedEvidenceKey(flowId, nodeId)] = { value: answer.option, because: answer.because };
  }
  return evidence;
}
