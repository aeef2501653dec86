import { z } from 'zod';
import { reasonSchema } from '../knowledge/reason.ts';
import { describeEvidence } from '../conversation/evidence-describe.ts';
import type { EvidenceFacts } from '../conversation/evidence-facts.ts';
import type { Escalation } from '../conversation/seam.ts';
import { sourceLabel } from '../conversation/source-label.ts';
import { caseChecklist, visitorChecklist } from './checklist.ts';
import { mergeChecklist } from './checklist-merge.ts';
import { fitSummary, type SummarySection } from './fit-summary.ts';
import { nextStep } from './next-step.ts';
import { codeMatches, type CaseTopic, type SupportConfig } from './support-config.ts';
import { say, type Wording } from '../knowledge/wording.ts';

/** A built case before the audience's heading and button label are added. */
type EscalationCase = Omit<Escalation, 'heading' | 'actionLabel'>;

/**
 * Builds the hand-off: a pre-filled case summary with everything the bot
 * learned, so nobody has to retype it, and a checklist of what is still
 * missing. A visitor gets a note for the site owner instead, because only
 * the owner can change what their site blocks.
 */

export const pathStepSchema = z.object({
  question: z.string(),
  answer: z.string(),
  /** "evidence": the bot answered from something the user pasted or said earlier. */
  via: z.enum(['choice', 'text', 'evidence']),
  because: reasonSchema.optional(),
});
export type PathStep = z.infer<typeof pathStepSchema>;

export type EscalationInput = {
  facts: EvidenceFacts;
  /** The code the conversation is about; defaults to the first code in the facts. */
  code?: string;
  flowTitle?: string;
  path: PathStep[];
  tried: string[];
  /** 'unknown' falls back to what the facts say, then to the site owner's view. */
  audience: 'visitor' | 'owner' | 'unknown';
  /** SUPPORT_CASE_URL from the config. */
  caseUrl: string;
  support: SupportConfig;
  /** The summary's texts, and heading and button label per audience (knowledge/wording.yaml). */
  wording: Wording;
  userNote?: string;
  /** Docs page for the code (the engine knows it from the knowledge base); visitors are sent there. */
  docUrl?: string;
  /** Free plans get cases for billing, account and registrar issues only; anything from a tree is technical. */
  topic?: CaseTopic;
  /** What the tree leaf itself says to send: the most specific list, merged with the docs' list for the code. */
  leafChecklist?: readonly string[];
};

function problemLine(wording: Wording, code: string | undefined, title: string | undefined): string {
  if (title && code && !title.includes(code)) return say(wording, 'caseProblemCodeAndTitle', { code, title });
  if (title) return say(wording, 'caseProblemTitle', { title });
  if (code) return say(wording, 'caseProblemCode', { code });
  return say(wording, 'caseProblemUnknown');
}

/** A note may hold several lines (the door's note plus the first message); each becomes its own list line. */
function noteLines(note: string | undefined): string[] {
  return (note ?? '').split(/\r?\n/).map((l) => l.trim()).filter(Boolean);
}

function stepLine(wording: Wording, step: PathStep): string {
  // A button press needs no label; an answer the bot took for the user says where it came from.
  const label = step.via === 'choice' ? undefined : sourceLabel(wording, step.because) ?? (step.via === 'evidence' ? say(wording, 'caseFromEarlier') : undefined);
  return `${step.question} → ${step.answer}${label ? ` (${label})` : ''}`;
}

function ownerEscalation(input: EscalationInput, code: string | undefined): EscalationCase {
  const { facts, support, wording } = input;
  const step = nextStep(support, wording, facts.plan, input.caseUrl, input.topic ?? 'technical');
  const body: SummarySection[] = [
    { lines: [problemLine(wording, code, input.flowTitle)] },
    { heading: say(wording, 'caseDetails'), lines: describeEvidence(wording, facts) },
    { heading: say(wording, 'caseStepsTaken'), lines: input.path.map((s) => stepLine(wording, s)) },
    { heading: say(wording, 'caseTried'), lines: input.tried },
    { heading: say(wording, 'caseNote'), lines: noteLines(input.userNote) },
  ];
  const summary = fitSummary(body, [say(wording, 'caseNextStep', { step: step.text }), support.warning]);
  return {
    url: input.caseUrl,
    summary,
    checklist: mergeChecklist([...(input.leafChecklist ?? []), ...caseChecklist(support, code, facts, { includePriority: step.canOpenCase })], facts),
    audience: 'cloudflare-support',
  };
}

/** What a visitor asks the owner to do, by the kind of error they saw. */
function visitorAsk(wording: Wording, code: string | undefined): string {
  if (code && codeMatches('1xxx', code)) return say(wording, 'visitorAskBlocked');
  if (code && codeMatches('5xx', code)) return say(wording, 'visitorAskServer');
  return say(wording, 'visitorAskAny');
}

function visitorUrl(input: EscalationInput, code: string | undefined): string {
  if (input.docUrl) return input.docUrl;
  const page = code ? input.support.visitor.helpPages.find((p) => p.codes.some((c) => codeMatches(c, code))) : undefined;
  return page?.url ?? input.support.visitor.fallbackUrl;
}

/**
 * The lines an owner needs to find the request in their Security Events.
 * What the bot does not know is left as a gap for the visitor to fill, and
 * the visitor's IP always is: the bot never fills it in, they add it if they
 * want the owner to allow it.
 */
function visitorDetails(wording: Wording, facts: EvidenceFacts): string[] {
  // Only what the owner can use to find the request; the visitor's own setup (plan, SSL mode) is not theirs.
  const seen = describeEvidence(wording, { ...facts, codes: [], plan: undefined, sslMode: undefined, cloudflaredRunning: undefined, branded: undefined, trace: undefined });
  const gaps = [
    ...(facts.rayIds.length ? [] : [say(wording, 'visitorRayIdGap')]),
    ...(facts.timeUtc || facts.timeText ? [] : [say(wording, 'visitorTimeGap')]),
    say(wording, 'visitorIpGap'),
  ];
  return [...seen, ...gaps];
}

function visitorEscalation(input: EscalationInput, code: string | undefined): EscalationCase {
  const { facts, wording } = input;
  const title = input.flowTitle;
  const saw = code ? (title && !title.includes(code) ? say(wording, 'visitorSawCodeAndTitle', { code, title }) : say(wording, 'visitorSawCode', { code })) : title;
  const body: SummarySection[] = [
    { lines: [saw ? say(wording, 'visitorHelloSaw', { saw }) : say(wording, 'visitorHello')] },
    { heading: say(wording, 'visitorWhatISaw'), lines: visitorDetails(wording, facts) },
    { heading: say(wording, 'visitorWhatITried'), lines: input.tried },
    { heading: say(wording, 'caseNote'), lines: noteLines(input.userNote) },
  ];
  return {
    url: visitorUrl(input, code),
    summary: fitSummary(body, [visitorAsk(wording, code), say(wording, 'visitorThanks')]),
    checklist: mergeChecklist([...(input.leafChecklist ?? []), ...visitorChecklist(input.support, facts)], facts, input.support.visitor.note),
    audience: 'site-owner',
  };
}

export function buildEscalation(input: EscalationInput): Escalation {
  const code = input.code ?? input.facts.codes[0];
  const audience = input.audience === 'unknown' ? (input.facts.audience ?? 'owner') : input.audience;
  const built = audience === 'visitor' ? visitorEscalation(input, code) : ownerEscalation(input, code);
  const { heading, actionLabel } = input.wording.escalation[built.audience];
  return { ...built, heading, actionLabel };
}
