import { z } from 'zod';
import { reasonSchema } from '../knowledge/reason.ts';
import { statedAnswersSchema } from './stated-answers.ts';
import { traceSchema } from './trace.ts';

/**
 * Everything the bot has learned from what a user typed or pasted, kept
 * across turns so a tree can skip questions already answered and an
 * escalation can be pre-filled.
 */

export const yesNoSchema = z.enum(['yes', 'no']);
export const factAudienceSchema = z.enum(['visitor', 'owner']);
export const planSchema = z.enum(['free', 'pro', 'business', 'enterprise']);
export type Plan = z.infer<typeof planSchema>;
export const sslModeSchema = z.enum(['off', 'flexible', 'full', 'strict']);
export type SslMode = z.infer<typeof sslModeSchema>;

/** Single-valued facts: a newer statement replaces an older one. */
export const SCALAR_FACTS = ['timeUtc', 'timeText', 'colo', 'trace', 'branded', 'audience', 'plan', 'sslMode', 'cloudflaredRunning'] as const;
export type ScalarFact = (typeof SCALAR_FACTS)[number];

/** Facts a reason can be kept for; `code` is the first of `codes`. */
export const becauseKeySchema = z.enum([...SCALAR_FACTS, 'code']);
export type BecauseKey = z.infer<typeof becauseKeySchema>;

export const evidenceFactsSchema = z.object({
  codes: z.array(z.string().regex(/^\d{3,5}$/)).default([]),
  rayIds: z.array(z.string()).default([]),
  urls: z.array(z.string()).default([]),
  hostnames: z.array(z.string()).default([]),
  /** Only when the user's time had a zone or offset we could convert without guessing. */
  timeUtc: z.iso.datetime().optional(),
  /** The time exactly as the user wrote it, zone or not. */
  timeText: z.string().optional(),
  colo: z.string().regex(/^[A-Z]{3}$/).optional(),
  trace: traceSchema.optional(),
  branded: yesNoSchema.optional(),
  audience: factAudienceSchema.optional(),
  plan: planSchema.optional(),
  sslMode: sslModeSchema.optional(),
  cloudflaredRunning: yesNoSchema.optional(),
  /** Where facts came from ("you pasted a Cloudflare-branded error page"), as reasons (knowledge/reason.ts). */
  notes: z.array(reasonSchema).default([]),
  /**
   * Why each single-valued fact is believed, kept beside it so the newest
   * value keeps its own reason after a merge. Not in the original brief:
   * without it a tree could not say *why* it skipped a question.
   */
  because: z.partialRecord(becauseKeySchema, reasonSchema).default({}),
  /** Tree questions the user's words already answer, by "flowId/nodeId" (see stated-answers.ts). */
  stated: statedAnswersSchema.default({}),
});
export type EvidenceFacts = z.infer<typeof evidenceFactsSchema>;

export function emptyEvidence(): EvidenceFacts {
  return { codes: [], rayIds: [], urls: [], hostnames: [], notes: [], because: {}, stated: {} };
}

export const PLAN_LABELS: Record<Plan, string> = { free: 'Free', pro: 'Pro', business: 'Business', enterprise: 'Enterprise' };
export const SSL_MODE_LABELS: Record<SslMode, string> = { off: 'Off', flexible: 'Flexible', full: 'Full', strict: 'Full (strict)' };
