import type { types } from '@slack/bolt';
import { z } from 'zod';
import type { Handoff } from '../../src/conversation/seam.ts';
import { redactSecrets } from '../../src/safety/redact-secrets.ts';
import { ESCALATION_MODAL } from './action-ids.ts';
import { escapeSlackText, slackLink, truncate } from './mrkdwn.ts';
import type { SlackMessage } from './render.ts';

const SUMMARY_BLOCK = 'summary';
const SUMMARY_INPUT = 'summary_text';
/** Slack's cap for plain_text_input values. */
const SUMMARY_LIMIT = 3000;

/** Where the escalated message lives, carried through the modal in private_metadata (max 3000 chars). */
const originSchema = z.object({ channel: z.string(), threadTs: z.string().optional(), caseUrl: z.string() });
export type EscalationOrigin = z.infer<typeof originSchema>;

export function escalationModal(handoff: Handoff, origin: EscalationOrigin): types.ModalView {
  const checklist = handoff.escalation.checklist;
  return {
    type: 'modal',
    callback_id: ESCALATION_MODAL,
    private_metadata: JSON.stringify(origin),
    title: { type: 'plain_text', text: 'Escalate to support' },
    submit: { type: 'plain_text', text: 'Send to support' },
    close: { type: 'plain_text', text: 'Cancel' },
    blocks: [
      { type: 'section', text: { type: 'mrkdwn', text: 'This summary goes to the support team. Edit it so it says what you tried and what you see.' } },
      {
        type: 'input',
        block_id: SUMMARY_BLOCK,
        label: { type: 'plain_text', text: 'Case summary' },
        element: {
          type: 'plain_text_input',
          action_id: SUMMARY_INPUT,
          multiline: true,
          max_length: SUMMARY_LIMIT,
          // Built from redacted state already; redacted again because a modal prefill is an exit of its own.
          initial_value: redactSecrets(handoff.escalation.summary).text.slice(0, SUMMARY_LIMIT),
        },
      },
      ...(checklist.length > 0
        ? [{ type: 'context' as const, elements: [{ type: 'mrkdwn' as const, text: truncate(`Have ready: ${checklist.map(escapeSlackText).join(' · ')}`, SUMMARY_LIMIT) }] }]
        : []),
    ],
  };
}

const submissionSchema = z.object({
  private_metadata: z.string(),
  state: z.object({ values: z.record(z.string(), z.record(z.string(), z.object({ value: z.string().nullish() }).passthrough())) }),
});

export type EscalationSubmission = { summary: string; origin: EscalationOrigin };

/** The (possibly edited) summary and where it came from; undefined for a view we did not build. */
export function readEscalationSubmission(view: unknown): EscalationSubmission | undefined {
  const parsed = submissionSchema.safeParse(view);
  if (!parsed.success) return undefined;
  let metadata: unknown;
  try {
    metadata = JSON.parse(parsed.data.private_metadata);
  } catch {
    return undefined;
  }
  const origin = originSchema.safeParse(metadata);
  if (!origin.success) return undefined;
  const summary = parsed.data.state.values[SUMMARY_BLOCK]?.[SUMMARY_INPUT]?.value ?? '';
  return { summary, origin: origin.data };
}

/** A channel reference Slack renders as a link; anything that is not a plain channel id is shown escaped. */
function channelReference(channel: string): string {
  return /^[CGD][A-Z0-9]+$/.test(channel) ? `<#${channel}>` : escapeSlackText(channel);
}

/** What the support channel sees: the requester as an id, not a mention, so nobody is pinged by an escalation. */
export function escalationPost(submission: EscalationSubmission, requestedBy: string): SlackMessage {
  const { origin } = submission;
  // The user may have typed a secret into the modal while editing the summary.
  const summary = redactSecrets(submission.summary).text;
  const thread = origin.threadTs ? ` (thread ${escapeSlackText(origin.threadTs)})` : '';
  const context = `From ${channelReference(origin.channel)}${thread}, requested by user \`${escapeSlackText(requestedBy)}\` · ${slackLink(origin.caseUrl, 'case form')}`;
  const quoted = escapeSlackText(truncate(summary, 2900)).split('\n').map((line) => `>${line}`).join('\n');
  return {
    text: truncate(`Support escalation: ${escapeSlackText(summary)}`, 3000),
    blocks: [
      { type: 'header', text: { type: 'plain_text', text: 'Support escalation' } },
      { type: 'section', text: { type: 'mrkdwn', text: quoted } },
      { type: 'context', elements: [{ type: 'mrkdwn', text: context }] },
    ],
  };
}
