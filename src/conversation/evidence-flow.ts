import { z } from 'zod';
import { statedEvidenceKey } from './stated-answers.ts';
import { PLAN_LABELS, SSL_MODE_LABELS, type EvidenceFacts } from './evidence-facts.ts';

/**
 * The tree runner's view of the facts: one answer per question key, each
 * with the sentence the bot shows when it skips that question ("I skipped
 * this because you pasted a Cloudflare-branded error page").
 */

export const flowEvidenceSchema = z.record(z.string(), z.object({ value: z.string(), because: z.string() }));
export type FlowEvidence = z.infer<typeof flowEvidenceSchema>;

/** Used only when a fact arrived without its own reason (for example built by hand in a test or a store migration). */
function fallbackBecause(facts: EvidenceFacts): Record<string, string | undefined> {
  return {
    branded: facts.branded === 'yes' ? 'the error page is Cloudflare-branded' : 'the error page has no Cloudflare branding',
    audience: facts.audience === 'visitor' ? 'you are visiting a site you do not run' : 'it is your own site',
    plan: facts.plan ? `you said you are on the ${PLAN_LABELS[facts.plan]} plan` : undefined,
    code: facts.codes[0] ? `you mentioned error ${facts.codes[0]}` : undefined,
    sslMode: facts.sslMode ? `you said your SSL/TLS encryption mode is ${SSL_MODE_LABELS[facts.sslMode]}` : undefined,
    cloudflaredRunning: facts.cloudflaredRunning === 'yes' ? 'you said cloudflared is running' : 'you said cloudflared is not running',
    colo: facts.colo ? `the request was served by the ${facts.colo} data center` : undefined,
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
