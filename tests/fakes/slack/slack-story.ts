import { loadConfig, type Config } from '../../../src/config.ts';
import type { Reply, SupportEngine } from '../../../src/conversation/seam.ts';
import { createEngine } from '../../../src/create-engine.ts';
import { createLogger, type Logger } from '../../../src/log.ts';
import { startSlack, type RunningSlackDoor } from '../../../adapters/slack/start.ts';
import { spyOn, type EngineSpy } from './engines.ts';
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
  /** Defaults to the real engine with an in-memory store; only failure injection (throwingEngine) should replace it. */
  engine?: SupportEngine;
  env?: Record<string, string>;
  /** Connect over Socket Mode (SLACK_APP_TOKEN) instead of receiving HTTP events. */
  socketMode?: boolean;
  /** The door's logger (and the default engine's); tests that read the logs pass one writing to a sink. */
  logger?: Logger;
};

/** The real engine on the shipped knowledge, with an in-memory conversation store. */
function realEngine(config: Config, logger: Logger): Promise<SupportEngine> {
  return createEngine({ config, logger, store: 'memory' });
}

/** A Slack mrkdwn link (`<url|label>`) to a developers.cloudflare.com page whose path contains `page` (e.g. "error-1020"). */
export function docsLinkTo(page: string): RegExp {
  return new RegExp(`<https://developers\\.cloudflare\\.com/[^|>]*${page}[^|>]*\\|`);
}

const CHOICE_PREFIX = 'cfb1:c:';

/** What a person can act on in some messages: the choice buttons (as engine choice ids) and the link buttons (urls). */
export type Actionable = { choices: string[]; links: string[] };

/** The actionable parts of the engine's replies, to compare with what the door showed (`SlackStory.actionableIn`). */
export function actionableIn(replies: Reply[]): Actionable {
  return {
    choices: replies.flatMap((reply) => reply.choices ?? []).map((choice) => choice.id),
    links: replies.flatMap((reply) => (reply.escalation ? [reply.escalation.url] : [])),
  };
}

type Button = PressedButton & { type: string; style?: string };

function buttonsIn(blocks: unknown[]): Button[] {
  return blocks.flatMap((block) => {
    const elements = (block as { type?: string; elements?: unknown[] }).type === 'actions' ? ((block as { elements: Button[] }).elements ?? []) : [];
    return elements.filter((element) => element.type === 'button');
  });
}

/**
 * A real Bolt app (our Slack door) wired to the local fake Web API and, by
 * default, to the real engine (recorded in `engine`), driven by signed HTTP
 * requests, with helpers named after what a Slack user does.
 */
export class SlackStory {
  private constructor(
    readonly fake: FakeSlackApi,
    readonly slack: RunningSlackDoor,
    readonly socket: FakeSocketMode | undefined,
    /** The engine behind the door, recorded: what the door asked and what it was told. */
    readonly engine: EngineSpy,
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
    const logger = options.logger ?? createLogger(process.env.TEST_LOG_LEVEL ?? 'silent');
    const engine = spyOn(options.engine ?? (await realEngine(config, logger)));
    // Retries on, but short: a 429 wait counts as a retry and must still be honoured.
    const slack = await startSlack({ config, engine: engine.engine, logger, port: 0, host: '127.0.0.1', retryConfig: { retries: 2, minTimeout: 10, maxTimeout: 20 } });
    return new SlackStory(fake, slack, socket, engine);
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

  /** Waits for the bot's first post in `channel`, then for the door to finish: every message of the answer, oldest first. */
  async answerIn(channel: string, timeoutMs?: number): Promise<RecordedCall[]> {
    await this.fake.waitForCall('chat.postMessage', (call) => call.body['channel'] === channel, timeoutMs);
    await this.slack.idle();
    return this.postsIn(channel);
  }

  /** Does `act` (a follow-up, a click) and resolves with every message the bot then posted in `channel`. */
  async postsAfter(channel: string, act: () => Promise<unknown>): Promise<RecordedCall[]> {
    const before = this.postsIn(channel).length;
    await act();
    await this.fake.waitFor(() => (this.postsIn(channel).length > before ? true : undefined), `a new post in ${channel}`);
    await this.slack.idle();
    return this.postsIn(channel).slice(before);
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

  /** The engine's choices offered as buttons (tree options, "Did that solve it?", "Start over"). */
  static choiceButtons(blocks: unknown): Button[] {
    return SlackStory.buttons(blocks).filter((b) => b.action_id.startsWith(CHOICE_PREFIX));
  }

  /** The choice and link buttons shown across some messages' blocks, in order. */
  static actionableIn(blocksOfMessages: unknown[]): Actionable {
    const buttons = blocksOfMessages.flatMap((blocks) => SlackStory.buttons(blocks));
    return {
      choices: buttons.filter((b) => b.action_id.startsWith(CHOICE_PREFIX)).map(SlackStory.choiceIdOf),
      links: buttons.flatMap((b) => (b.url ? [b.url] : [])),
    };
  }

  /** The engine choice id a choice button sends back when clicked. */
  static choiceIdOf(button: PressedButton): string {
    return button.action_id.slice(CHOICE_PREFIX.length);
  }

  /** Everything the bot showed to anyone: Web API bodies and response_url bodies. */
  everythingSent(): string {
    return JSON.stringify([...this.fake.calls.map((call) => call.body), ...this.fake.responses.map((response) => response.body)]);
  }

  async close(): Promise<void> {
    await this.slack.stop();
    await this.engine.engine.close();
    await this.socket?.close();
    await this.fake.close();
  }
}
