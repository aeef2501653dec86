import { loadConfig, type Config } from '../../../src/config.ts';
import type { SupportEngine } from '../../../src/conversation/seam.ts';
import { createLogger, type Logger } from '../../../src/log.ts';
import { startSlack, type RunningSlackDoor } from '../../../adapters/slack/start.ts';
import { FakeSlackApi, FAKE_APP_TOKEN, FAKE_BOT_TOKEN, type RecordedCall } from './fake-slack-api.ts';
import { FakeSocketMode } from './fake-socket-mode.ts';
import {
  buttonClickPayload,
  directMessageEvent,
  eventEnvelope,
  homeOpenedEvent,
  mentionEvent,
  messageShortcutPayload,
  nextEventId,
  nextTs,
  slashCommandFields,
  viewSubmissionPayload,
  type PressedButton,
  type ShownMessage,
} from './payloads.ts';
import { formBody, interactionBody, jsonBody, postSigned, type SignedPost, type SlackHttpResult } from './signed-request.ts';

export const SIGNING_SECRET = 'fake-signing-secret';
export const SUPPORT_CHANNEL = 'CSUPPORT';

export type SlackStoryOptions = {
  /** Defaults to the real engine with an in-memory store. */
  engine?: SupportEngine;
  env?: Record<string, string>;
  /** Connect over Socket Mode (SLACK_APP_TOKEN) instead of receiving HTTP events. */
  socketMode?: boolean;
};

/** Imported on demand so stories with a stub engine do not depend on the knowledge loading. */
export async function realEngine(config: Config = loadConfig({}), logger: Logger = createLogger('silent')): Promise<SupportEngine> {
  const { createEngine } = await import('../../../src/engine.ts');
  return createEngine({ config, logger, store: 'memory' });
}

type Button = PressedButton & { type: string };

function buttonsIn(blocks: unknown[]): Button[] {
  return blocks.flatMap((block) => {
    const elements = (block as { type?: string; elements?: unknown[] }).type === 'actions' ? ((block as { elements: Button[] }).elements ?? []) : [];
    return elements.filter((element) => element.type === 'button');
  });
}

/**
 * A real Bolt app (our Slack door) wired to the local fake Web API, driven by
 * signed HTTP requests, with helpers named after what a Slack user does.
 */
export class SlackStory {
  private constructor(
    readonly fake: FakeSlackApi,
    readonly slack: RunningSlackDoor,
    readonly socket: FakeSocketMode | undefined,
  ) {}

  static async start(options: SlackStoryOptions = {}): Promise<SlackStory> {
    const fake = await new FakeSlackApi().start();
    const socket = options.socketMode ? await new FakeSocketMode().start(fake) : undefined;
    const config = loadConfig({
      ...(socket ? { SLACK_APP_TOKEN: FAKE_APP_TOKEN } : {}),
      SLACK_BOT_TOKEN: FAKE_BOT_TOKEN,
      SLACK_SIGNING_SECRET: SIGNING_SECRET,
      SLACK_API_URL: fake.apiUrl,
      SLACK_ESCALATION_CHANNEL: SUPPORT_CHANNEL,
      LOG_LEVEL: 'silent',
      ...options.env,
    });
    const logger = createLogger(process.env.TEST_LOG_LEVEL ?? 'silent');
    const engine = options.engine ?? (await realEngine(config, logger));
    // Retries on, but short: a 429 wait counts as a retry and must still be honoured.
    const slack = await startSlack({ config, engine, logger, port: 0, host: '127.0.0.1', retryConfig: { retries: 2, minTimeout: 10, maxTimeout: 20 } });
    return new SlackStory(fake, slack, socket);
  }

  get baseUrl(): string {
    return `http://127.0.0.1:${this.slack.port}`;
  }

  /** POSTs to /slack/events signed with the app's secret (or whatever `overrides` says). */
  send(body: Pick<SignedPost, 'body' | 'contentType'>, overrides: Omit<SignedPost, 'body' | 'contentType'> = {}): Promise<SlackHttpResult> {
    return postSigned(`${this.baseUrl}/slack/events`, SIGNING_SECRET, { ...body, ...overrides });
  }

  async mention(said: { channel: string; user: string; text: string; threadTs?: string }, delivery: { eventId?: string; ts?: string } = {}): Promise<{ ts: string; eventId: string; http: SlackHttpResult }> {
    const ts = delivery.ts ?? nextTs();
    const eventId = delivery.eventId ?? nextEventId();
    const http = await this.send(jsonBody(eventEnvelope(mentionEvent({ ...said, ts }), eventId)));
    return { ts, eventId, http };
  }

  async directMessage(said: { channel: string; user: string; text: string }): Promise<SlackHttpResult> {
    return this.send(jsonBody(eventEnvelope(directMessageEvent({ ...said, ts: nextTs() }))));
  }

  async slashCommand(command: { channel: string; user: string; text: string }): Promise<{ hook: string; http: SlackHttpResult }> {
    const hook = `cmd-${nextTs()}`;
    const http = await this.send(formBody(slashCommandFields({ ...command, responseUrl: this.fake.responseUrl(hook) })));
    return { hook, http };
  }

  async click(user: string, message: ShownMessage, label: string): Promise<{ hook: string; http: SlackHttpResult }> {
    const button = buttonsIn(message.blocks).find((candidate) => candidate.text.text === label);
    if (!button) throw new Error(`No button "${label}" in message; buttons: ${buttonsIn(message.blocks).map((b) => b.text.text).join(', ')}`);
    return this.press(user, message, button);
  }

  async press(user: string, message: ShownMessage, button: PressedButton): Promise<{ hook: string; http: SlackHttpResult }> {
    const hook = `click-${nextTs()}`;
    const http = await this.send(interactionBody(buttonClickPayload({ user, message, button, responseUrl: this.fake.responseUrl(hook) })));
    return { hook, http };
  }

  async escalateMessage(user: string, channel: string, message: { user: string; text: string; ts: string; threadTs?: string }): Promise<{ hook: string; http: SlackHttpResult }> {
    const hook = `shortcut-${nextTs()}`;
    const http = await this.send(interactionBody(messageShortcutPayload({ user, channel, message, responseUrl: this.fake.responseUrl(hook) })));
    return { hook, http };
  }

  submitModal(user: string, view: Record<string, unknown>, summary: string): Promise<SlackHttpResult> {
    return this.send(interactionBody(viewSubmissionPayload({ user, view, summary })));
  }

  openHome(user: string): Promise<SlackHttpResult> {
    return this.send(jsonBody(eventEnvelope(homeOpenedEvent(user))));
  }

  /** Messages the bot posted (chat.postMessage) in a channel, oldest first. */
  postsIn(channel: string): RecordedCall[] {
    return this.fake.callsTo('chat.postMessage').filter((call) => call.body['channel'] === channel);
  }

  /** A recorded chat.postMessage as the message a user then sees and clicks on. */
  static shown(call: RecordedCall): ShownMessage {
    const threadTs = call.body['thread_ts'];
    return {
      channel: String(call.body['channel']),
      ts: String(call.result['ts']),
      text: String(call.body['text'] ?? ''),
      blocks: (call.body['blocks'] as unknown[]) ?? [],
      ...(typeof threadTs === 'string' ? { threadTs } : {}),
    };
  }

  static buttons(blocks: unknown): Button[] {
    return Array.isArray(blocks) ? buttonsIn(blocks) : [];
  }

  /** Everything the bot showed to anyone: Web API bodies and response_url bodies. */
  everythingSent(): string {
    return JSON.stringify([...this.fake.calls.map((call) => call.body), ...this.fake.responses.map((response) => response.body)]);
  }

  async close(): Promise<void> {
    await this.slack.stop();
    await this.socket?.close();
    await this.fake.close();
  }
}
