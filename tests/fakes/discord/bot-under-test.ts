import { Writable } from 'node:stream';
import { pino, type Logger } from 'pino';
import { startDiscord, type DiscordDoor } from '../../../adapters/discord/start.ts';
import { loadConfig, type Config } from '../../../src/config.ts';
import { createEngine } from '../../../src/create-engine.ts';
import { FakeDiscord } from './fake-discord.ts';
import { RecordingEngine } from './recording-engine.ts';
import { world } from './world.ts';

export type LogLine = { level: number; msg: string; [key: string]: unknown };

export type BotUnderTest = {
  fake: FakeDiscord;
  door: DiscordDoor;
  engine: RecordingEngine;
  config: Config;
  logs: LogLine[];
  stop(): Promise<void>;
};

/**
 * The real discord.js client running the door against a fresh fake Discord,
 * with the real engine behind a recorder. REST retries and timeouts are short
 * so a mistake fails fast instead of hanging a test.
 */
export type BotOptions = {
  /** 'sqlite' puts the store under env.DATA_DIR, for tests that read what lands on disk. */
  store?: 'memory' | 'sqlite';
  /** Replaces the JSON-line sink (then `logs` stays empty), for tests that read the raw log bytes. */
  logger?: Logger;
};

export async function startBotUnderTest(env: Record<string, string> = {}, options: BotOptions = {}): Promise<BotUnderTest> {
  const fake = await new FakeDiscord().start();
  const config = loadConfig({
    DISCORD_TOKEN: 'fake-token',
    DISCORD_APPLICATION_ID: world.applicationId,
    DISCORD_API_URL: fake.apiUrl,
    DISCORD_HELP_CHANNEL_IDS: world.channels.help.id,
    DISCORD_HELP_FORUM_IDS: world.channels.helpForum.id,
    DISCORD_MODERATOR_ROLE_ID: world.roles.moderator.id,
    DISCORD_MODERATOR_CHANNEL_ID: world.channels.moderators.id,
    DISCORD_ANSWER_MENTIONS: 'true',
    LOG_LEVEL: 'silent',
    ...env,
  });
  const logs: LogLine[] = [];
  const sink = new Writable({
    write(chunk: Buffer, _encoding, done) {
      logs.push(JSON.parse(chunk.toString('utf8')) as LogLine);
      done();
    },
  });
  const logger = options.logger ?? pino({ level: 'info' }, sink);
  const engine = new RecordingEngine(await createEngine({ config, logger, store: options.store ?? 'memory' }));
  const door = await startDiscord({ config, engine, logger, rest: { retries: 1, timeout: 3000 } });
  return {
    fake,
    door,
    engine,
    config,
    logs,
    async stop() {
      await door.stop();
      await engine.close();
      await fake.stop();
    },
  };
}
