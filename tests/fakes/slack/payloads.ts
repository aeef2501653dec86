import { FAKE_BOT_USER_ID } from './fake-slack-api.ts';

/** Request bodies shaped like the ones Slack sends, trimmed to the fields Bolt and the door read. */

let sequence = 0;
/** A fresh, increasing Slack timestamp ("seconds.micros"). */
export function nextTs(): string {
  sequence += 1;
  return `${1_700_000_000 + sequence}.00${String(sequence).padStart(4, '0')}`;
}

export function nextEventId(): string {
  sequence += 1;
  return `Ev${String(sequence).padStart(8, '0')}`;
}

export const TEAM_ID = 'T1';
export const APP_ID = 'A1';

export function eventEnvelope(event: Record<string, unknown>, eventId = nextEventId()): Record<string, unknown> {
  return {
    token: 'legacy-verification-token',
    team_id: TEAM_ID,
    api_app_id: APP_ID,
    event,
    type: 'event_callback',
    event_id: eventId,
    event_time: Math.floor(Date.now() / 1000),
    authorizations: [{ team_id: TEAM_ID, user_id: FAKE_BOT_USER_ID, is_bot: true, is_enterprise_install: false }],
    is_ext_shared_channel: false,
  };
}

export type Said = { channel: string; user: string; text: string; ts?: string; threadTs?: string };

export function mentionEvent(said: Said & { ts: string }): Record<string, unknown> {
  return {
    type: 'app_mention',
    user: said.user,
    text: `<@${FAKE_BOT_USER_ID}> ${said.text}`,
    ts: said.ts,
    channel: said.channel,
    event_ts: said.ts,
    ...(said.threadTs ? { thread_ts: said.threadTs } : {}),
  };
}

export function directMessageEvent(said: Said & { ts: string }): Record<string, unknown> {
  return { type: 'message', channel_type: 'im', user: said.user, text: said.text, ts: said.ts, channel: said.channel, event_ts: said.ts };
}

export function homeOpenedEvent(user: string): Record<string, unknown> {
  return { type: 'app_home_opened', user, channel: 'DHOME', tab: 'home', event_ts: nextTs() };
}

export function slashCommandFields(command: { text: string; user: string; channel: string; responseUrl: string }): Record<string, string> {
  return {
    token: 'legacy-verification-token',
    team_id: TEAM_ID,
    team_domain: 'fake',
    channel_id: command.channel,
    channel_name: 'general',
    user_id: command.user,
    user_name: 'someone',
    command: '/cfhelp',
    text: command.text,
    api_app_id: APP_ID,
    response_url: command.responseUrl,
    trigger_id: `trigger-${nextTs()}`,
  };
}

export type ShownMessage = { channel: string; ts: string; threadTs?: string; text: string; blocks: unknown[]; ephemeral?: boolean };
export type PressedButton = { action_id: string; value?: string; text: { type: 'plain_text'; text: string }; block_id?: string; url?: string };

export function buttonClickPayload(click: { user: string; message: ShownMessage; button: PressedButton; responseUrl: string }): Record<string, unknown> {
  const { message } = click;
  return {
    type: 'block_actions',
    user: { id: click.user, username: 'someone', name: 'someone', team_id: TEAM_ID },
    api_app_id: APP_ID,
    token: 'legacy-verification-token',
    container: { type: 'message', message_ts: message.ts, channel_id: message.channel, is_ephemeral: message.ephemeral ?? false },
    trigger_id: `trigger-${nextTs()}`,
    team: { id: TEAM_ID, domain: 'fake' },
    channel: { id: message.channel, name: 'general' },
    ...(message.ephemeral
      ? {}
      : { message: { type: 'message', user: FAKE_BOT_USER_ID, ts: message.ts, text: message.text, blocks: message.blocks, ...(message.threadTs ? { thread_ts: message.threadTs } : {}) } }),
    response_url: click.responseUrl,
    actions: [{ type: 'button', block_id: click.button.block_id ?? 'b1', action_ts: nextTs(), ...click.button }],
  };
}

export function messageShortcutPayload(shortcut: { user: string; channel: string; message: { user: string; text: string; ts: string; threadTs?: string }; responseUrl: string }): Record<string, unknown> {
  return {
    type: 'message_action',
    token: 'legacy-verification-token',
    action_ts: nextTs(),
    team: { id: TEAM_ID, domain: 'fake' },
    user: { id: shortcut.user, name: 'someone', username: 'someone', team_id: TEAM_ID },
    channel: { id: shortcut.channel, name: 'general' },
    callback_id: 'escalate_to_support',
    trigger_id: `trigger-${nextTs()}`,
    message_ts: shortcut.message.ts,
    message: {
      type: 'message',
      user: shortcut.message.user,
      text: shortcut.message.text,
      ts: shortcut.message.ts,
      ...(shortcut.message.threadTs ? { thread_ts: shortcut.message.threadTs } : {}),
    },
    response_url: shortcut.responseUrl,
  };
}

/** The modal as views.open sent it, submitted with the summary field set to `summary`. */
export function viewSubmissionPayload(submission: { user: string; view: Record<string, unknown>; summary: string }): Record<string, unknown> {
  return {
    type: 'view_submission',
    team: { id: TEAM_ID, domain: 'fake' },
    user: { id: submission.user, username: 'someone', name: 'someone', team_id: TEAM_ID },
    api_app_id: APP_ID,
    token: 'legacy-verification-token',
    trigger_id: `trigger-${nextTs()}`,
    view: {
      id: 'V1',
      team_id: TEAM_ID,
      type: 'modal',
      ...submission.view,
      state: { values: { summary: { summary_text: { type: 'plain_text_input', value: submission.summary } } } },
      hash: 'h1',
    },
    response_urls: [],
  };
}
