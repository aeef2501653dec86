import { z } from 'zod';

/**
 * The one seam between the engine and the doors (see ARCHITECTURE.md).
 * A door turns a platform event into a Turn and renders each Reply; it never
 * interprets error codes or flows itself.
 */

export const platformSchema = z.enum(['discord', 'slack', 'cli', 'web']);
export type Platform = z.infer<typeof platformSchema>;

export const conversationRefSchema = z.object({
  platform: platformSchema,
  /** Door-chosen id: a Discord thread, a Slack channel+thread_ts, "local" for the terminal. */
  id: z.string().min(1).max(200),
  /** Platform user id of the person asking. */
  user: z.string().min(1).max(200),
  isModerator: z.boolean().optional(),
  /** The channel the conversation is visible in, for per-channel rate limits; unset for private places (DMs, the terminal). */
  place: z.string().min(1).max(200).optional(),
});
export type ConversationRef = z.infer<typeof conversationRefSchema>;

export const turnInputSchema = z.discriminatedUnion('kind', [
  z.object({ kind: z.literal('text'), text: z.string() }),
  z.object({ kind: z.literal('choice'), choiceId: z.string() }),
  z.object({
    kind: z.literal('command'),
    name: z.enum(['ask', 'troubleshoot', 'escalate', 'restart', 'resume']),
    args: z.record(z.string(), z.string()).default({}),
  }),
]);
export type TurnInput = z.infer<typeof turnInputSchema>;

export const turnSchema = z.object({
  conversation: conversationRefSchema,
  input: turnInputSchema,
});
export type Turn = z.infer<typeof turnSchema>;

export const sourceLinkSchema = z.object({ title: z.string(), url: z.string().url() });
export type SourceLink = z.infer<typeof sourceLinkSchema>;

/** What answering with a choice means when it is a verdict: solved / thumbs up, or not solved / thumbs down. */
export const choiceMeaningSchema = z.enum(['positive', 'negative']);
export type ChoiceMeaning = z.infer<typeof choiceMeaningSchema>;

/** Choice ids are engine-made, at most 80 chars, so a door can namespace them within platform limits. */
export const choiceSchema = z.object({
  id: z.string().min(1).max(80),
  label: z.string().min(1).max(75),
  /** Set on verdict choices ("Yes, solved" / "No, still broken"); doors style by it, never by a button's position. */
  meaning: choiceMeaningSchema.optional(),
});
export type Choice = z.infer<typeof choiceSchema>;

export const escalationAudienceSchema = z.enum(['cloudflare-support', 'site-owner', 'hosting-provider']);
export type EscalationAudience = z.infer<typeof escalationAudienceSchema>;

export const escalationSchema = z.object({
  /** Case-submission link (SUPPORT_CASE_URL) or, for visitors, the page explaining who to contact. */
  url: z.string().url(),
  /** Plain-text, pre-filled case summary: everything learned so far. */
  summary: z.string(),
  /** What to attach or check before submitting, from the docs. */
  checklist: z.array(z.string()),
  /** Who this goes to: Cloudflare support, the site owner (the asker is a visitor) or the origin's hosting provider. */
  audience: escalationAudienceSchema.default('cloudflare-support'),
  /** The engine's heading for this audience ("Open a support case", "Contact the site owner"...); doors show it as is. */
  heading: z.string().min(1),
  /** The label of the button or link that opens `url` ("Open a support case", "Who to contact"...). */
  actionLabel: z.string().min(1),
});
export type Escalation = z.infer<typeof escalationSchema>;

export const replySchema = z.object({
  /** Optional heading: embed title in Discord, bold header in Slack and the terminal. */
  title: z.string().optional(),
  /** Markdown-lite: **bold**, [links](url), "- " lists, `code`, ``` blocks. */
  text: z.string(),
  sources: z.array(sourceLinkSchema).optional(),
  /** Buttons in Discord/Slack, numbered options in the terminal. */
  choices: z.array(choiceSchema).optional(),
  escalation: escalationSchema.optional(),
  /** True when the choices are the "Did that solve it?" prompt (doors may style them as feedback; each choice's `meaning` says which is which). */
  feedback: z.boolean().optional(),
  /** True when a choice referred to a step or conversation the engine no longer has: doors show their expiry notice instead of this reply. */
  expired: z.boolean().optional(),
});
export type Reply = z.infer<typeof replySchema>;

export const transcriptEntrySchema = z.object({
  role: z.enum(['user', 'bot']),
  text: z.string(),
  at: z.string(),
});
export type TranscriptEntry = z.infer<typeof transcriptEntrySchema>;

/** What a moderator hand-off or a message shortcut gets back from the engine. */
export type Handoff = {
  escalation: Escalation;
  transcript: TranscriptEntry[];
  /** False when the user had no stored conversation and the hand-off was built from the message alone. */
  hadConversation: boolean;
};

export type HandoffRequest = {
  platform: Platform;
  /** The user whose conversation is handed off. */
  user: string;
  /** Moderator (or the user themself) asking for the hand-off. */
  requestedBy: string;
  /** Text of a specific message, for "Escalate to support" on a message. */
  messageText?: string;
  /** Conversation id when the door knows it (thread). */
  conversationId?: string;
};

/** Everything a door may ask of the engine. */
export interface SupportEngine {
  handle(turn: Turn): Promise<Reply[]>;
  /** Error codes the knowledge covers, for autocomplete: prefix-matched, at most `limit`. */
  codeSuggestions(prefix: string, limit?: number): { code: string; title: string }[];
  handoff(request: HandoffRequest): Promise<Handoff>;
  /**
   * False when a turn from this person or place would be refused by the rate limit right now
   * (nothing is spent by asking). Doors ask before opening something visible for the reply, such
   * as a Discord thread; an engine without limits leaves it out, which means yes.
   */
  wouldAnswer?(conversation: ConversationRef): Promise<boolean>;
  close(): Promise<void>;
}
