import { z } from 'zod';
import { say, TEXT_PLACEHOLDERS, type TextKey, type ValuesOf, type Wording } from './wording.ts';

/**
 * Why the bot believes a fact ("you said you are on the Pro plan"), kept as
 * where it came from plus a knowledge/wording.yaml key and its values, so the
 * sentence is written in one place (and can be translated) and a summary's
 * "(you said)" / "(from your trace)" label comes from the source, not from
 * reading the English back. Conversation state stores reasons; records saved
 * before this change hold the finished sentence, so a plain string is still a
 * reason (see source-label.ts for how such a sentence gets its label).
 */

/** Where a reason came from: each maps to one "from…" label in source-label.ts. */
export const reasonSourceSchema = z.enum([
  /** what the user typed */
  'said',
  /** an option they picked earlier */
  'answered',
  /** their cdn-cgi/trace output */
  'trace',
  /** an error page they pasted */
  'page',
  /** something else they pasted */
  'pasted',
  /** the suffix of their Ray ID */
  'rayId',
  /** the bot's own URL check */
  'check',
  /** their systemctl output */
  'systemctl',
  /** not known (a fact stored without its reason) */
  'unknown',
]);
export type ReasonSource = z.infer<typeof reasonSourceSchema>;

/** The wording keys a reason may use: the "because…" texts. */
export type ReasonKey = Extract<TextKey, `because${string}`>;
const REASON_KEYS = new Set(Object.keys(TEXT_PLACEHOLDERS).filter((key) => key.startsWith('because')));

const structuredReasonSchema = z.object({
  source: reasonSourceSchema,
  // Any key loads: a conversation saved before a key was renamed or removed must still load
  // (reasonText then says so in neutral words), never read as an empty conversation.
  key: z.string().transform((key) => key as ReasonKey),
  values: z.record(z.string(), z.string()).default({}),
});
export type StructuredReason = z.infer<typeof structuredReasonSchema>;

/** A reason as stored: structured, or the finished sentence of an older record. */
export const reasonSchema = z.union([z.string(), structuredReasonSchema]);
export type Reason = z.infer<typeof reasonSchema>;

/** `reason('said', 'becausePlanSaid', { plan: 'Pro' })`: the values are checked against the text's placeholders. */
export function reason<K extends ReasonKey>(source: ReasonSource, key: K, ...values: ValuesOf<K>): StructuredReason {
  const given = (values[0] ?? {}) as Record<string, string | number | undefined>;
  const kept = Object.fromEntries(Object.entries(given).flatMap(([name, value]) => (value === undefined ? [] : [[name, String(value)]])));
  return { source, key, values: kept };
}

/** The sentence a user sees. */
export function reasonText(wording: Wording, because: Reason): string {
  if (typeof because === 'string') return because;
  if (!REASON_KEYS.has(because.key)) return say(wording, 'becauseNoLongerWorded');
  return (say as (w: Wording, k: TextKey, v: Record<string, string>) => string)(wording, because.key, because.values);
}

/** Reasons without repeats, first kept: the same source, text and values are one reason, whichever object holds them. */
export function distinctReasons(reasons: readonly Reason[]): Reason[] {
  const seen = new Set<string>();
  return reasons.filter((r) => {
    const id = JSON.stringify(r);
    if (seen.has(id)) return false;
    seen.add(id);
    return true;
  });
}
