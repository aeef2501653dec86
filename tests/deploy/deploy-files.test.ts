import { execFile } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { parse as parseYaml } from 'yaml';
import { inviteUrl, permissionsInteger } from '../../adapters/discord/invite.ts';
import { startOperatorServer } from '../../adapters/http/operator-server.ts';
import { ESCALATE_SHORTCUT } from '../../adapters/slack/action-ids.ts';
import { HELP_COMMAND } from '../../adapters/slack/listeners/answer-help-command.ts';
import { enabledDoors, loadConfig } from '../../src/config.ts';
import { createLogger } from '../../src/log.ts';
import { createBotMetrics } from '../../src/metrics/bot-metrics.ts';
import { ROOT } from '../support/bot-process.ts';

/** Docker is not on this machine: the files are parsed and checked, the image is not built. */
type Instruction = { stage: string; op: string; args: string };

function dockerfile(): Instruction[] {
  const text = readFileSync(join(ROOT, 'Dockerfile'), 'utf8');
  const logical = text
    .split('\n')
    .filter((line) => !/^\s*#/.test(line))
    .join('\n')
    .replace(/\\\n/g, ' ')
    .split('\n')
    .filter((line) => line.trim());
  let stage = '';
  return logical.map((line) => {
    const match = /^\s*([A-Z]+)\s+(.*)$/.exec(line);
    if (!match?.[1]) throw new Error(`not a Dockerfile instruction: ${line}`);
    if (match[1] === 'FROM') stage = /\bAS\s+(\S+)/i.exec(match[2] ?? '')?.[1] ?? '';
    return { stage, op: match[1], args: match[2] ?? '' };
  });
}

describe('Dockerfile', () => {
  const instructions = dockerfile();
  const inStage = (stage: string, op: string) => instructions.filter((i) => i.stage === stage && i.op === op);

  it('is multi-stage: a build stage that compiles better-sqlite3, a runtime stage that copies from it', () => {
    expect(instructions.filter((i) => i.op === 'FROM').map((i) => i.stage)).toEqual(['build', 'runtime']);
    const buildRuns = inStage('build', 'RUN').map((i) => i.args).join('\n');
    expect(buildRuns).toMatch(/g\+\+/);
    expect(buildRuns).toMatch(/npm rebuild better-sqlite3/);
    expect(buildRuns).toMatch(/npm run build/);
    expect(buildRuns).toMatch(/npm prune --omit=dev/);
    expect(inStage('runtime', 'COPY').filter((i) => i.args.includes('--from=build')).map((i) => i.args)).toEqual(expect.arrayContaining([expect.stringContaining('node_modules'), expect.stringContaining('dist')]));
    expect(inStage('runtime', 'RUN').map((i) => i.args).join('\n')).not.toMatch(/g\+\+|apt-get/);
  });

  it('runs as the non-root node user, with DATA_DIR on a volume and a HEALTHCHECK on /healthz', () => {
    expect(inStage('runtime', 'USER').map((i) => i.args)).toEqual(['node']);
    expect(inStage('runtime', 'VOLUME').map((i) => i.args)).toEqual(['["/data"]']);
    expect(inStage('runtime', 'ENV').map((i) => i.args).join(' ')).toMatch(/DATA_DIR=\/data/);
    expect(inStage('runtime', 'HEALTHCHECK')[0]?.args).toMatch(/\/healthz/);
    expect(inStage('runtime', 'CMD').map((i) => i.args)).toEqual(['["node", "dist/main.js"]']);
  });

  it('copies only files that exist, and the CMD target is what the build emits', () => {
    for (const copy of instructions.filter((i) => i.op === 'COPY' && !i.args.includes('--from'))) {
      const sources = copy.args.split(/\s+/).filter((a) => !a.startsWith('--')).slice(0, -1);
      for (const source of sources) expect(existsSync(join(ROOT, source)), source).toBe(true);
    }
    expect(readFileSync(join(ROOT, 'scripts', 'build.mjs'), 'utf8')).toMatch(/'adapters\/main\.ts'/);
  });

  it("the HEALTHCHECK command passes against a live /healthz and fails when nothing listens", async () => {
    const args = inStage('runtime', 'HEALTHCHECK')[0]?.args ?? '';
    const command = JSON.parse(args.slice(args.indexOf('CMD') + 3).trim()) as string[];
    expect(command[0]).toBe('node');
    const server = await startOperatorServer({ port: 0, host: '127.0.0.1', registry: createBotMetrics({ defaultMetrics: false }).registry, logger: createLogger('silent') });
    try {
      // Asynchronous: the server answering the probe lives in this process.
      const run = (port: number) =>
        new Promise<number | null>((resolve) => {
          const child = execFile(process.execPath, command.slice(1), { env: { ...process.env, PORT: String(port) }, timeout: 10_000 });
          child.on('exit', (code) => resolve(code));
        });
      expect(await run(server.port)).toBe(0);
      await server.close();
      expect(await run(server.port)).toBe(1);
    } finally {
      await server.close().catch(() => undefined);
    }
  });
});

describe('docker-compose.yml', () => {
  type Service = { build?: string; image?: string; environment?: Record<string, string>; volumes?: string[]; ports?: string[]; depends_on?: Record<string, { condition: string }>; healthcheck?: { test: string[] } };
  const compose = parseYaml(readFileSync(join(ROOT, 'docker-compose.yml'), 'utf8'), { merge: true }) as { services: Record<string, Service>; volumes: Record<string, unknown> };
  const bots = Object.entries(compose.services).filter(([, s]) => s.build === '.');

  it('has Redis with a health check and two bot replicas on the same REDIS_URL, each with its own /data volume', () => {
    expect(compose.services['redis']?.healthcheck?.test).toEqual(['CMD', 'redis-cli', 'ping']);
    expect(bots).toHaveLength(2);
    expect(new Set(bots.map(([, s]) => s.environment?.['REDIS_URL']))).toEqual(new Set(['redis://redis:6379']));
    for (const [, bot] of bots) {
      expect(bot.depends_on?.['redis']?.condition).toBe('service_healthy');
      const volume = bot.volumes?.find((v) => v.endsWith(':/data'))?.split(':')[0];
      expect(volume && volume in compose.volumes).toBe(true);
    }
    expect(new Set(bots.map(([, s]) => s.volumes?.[0])).size).toBe(2);
  });

  it('runs the Discord door in exactly one replica, with DOORS values the config accepts', () => {
    const credentials = { DISCORD_TOKEN: 't', DISCORD_APPLICATION_ID: '1', SLACK_BOT_TOKEN: 'xoxb', SLACK_SIGNING_SECRET: 's' };
    const doors = bots.map(([, s]) => enabledDoors(loadConfig({ ...credentials, ...s.environment })));
    expect(doors.filter((d) => d.includes('discord'))).toHaveLength(1);
    expect(doors.every((d) => d.includes('slack'))).toBe(true);
  });
});

describe('Slack app manifests', () => {
  type Manifest = {
    features: { slash_commands: { command: string; url?: string }[]; shortcuts: { callback_id: string; type: string }[]; app_home: { home_tab_enabled: boolean } };
    oauth_config: { scopes: { bot: string[] } };
    settings: { event_subscriptions: { request_url?: string; bot_events: string[] }; interactivity: { is_enabled: boolean; request_url?: string }; socket_mode_enabled: boolean };
  };
  const read = (file: string) => parseYaml(readFileSync(join(ROOT, 'slack', file), 'utf8')) as Manifest;
  const http = read('manifest.yml');
  const socket = read('manifest.socket-mode.yml');

  it('declares the command, shortcut, events and scopes the door registers and calls', () => {
    for (const manifest of [http, socket]) {
      expect(manifest.features.slash_commands.map((c) => c.command)).toEqual([HELP_COMMAND]);
      expect(manifest.features.shortcuts).toEqual([expect.objectContaining({ callback_id: ESCALATE_SHORTCUT, type: 'message' })]);
      expect(manifest.features.app_home.home_tab_enabled).toBe(true);
      expect([...manifest.settings.event_subscriptions.bot_events].sort()).toEqual(['app_home_opened', 'app_mention', 'message.im']);
      expect([...manifest.oauth_config.scopes.bot].sort()).toEqual(['app_mentions:read', 'chat:write', 'commands', 'im:history']);
      expect(manifest.settings.interactivity.is_enabled).toBe(true);
    }
  });

  it('HTTP mode points every URL at /slack/events; the Socket Mode variant has none', () => {
    expect(http.settings.socket_mode_enabled).toBe(false);
    const urls = [http.settings.event_subscriptions.request_url, http.settings.interactivity.request_url, ...http.features.slash_commands.map((c) => c.url)];
    expect(urls.every((u) => u !== undefined && new URL(u).pathname === '/slack/events' && u.startsWith('https://'))).toBe(true);
    expect(socket.settings.socket_mode_enabled).toBe(true);
    expect(JSON.stringify(socket)).not.toMatch(/https?:\/\/[^"]*slack\/events/);
  });
});

describe('README Discord section', () => {
  it('gives the invite URL with the exact permissions integer and scopes the bot needs', () => {
    const readme = readFileSync(join(ROOT, 'README.md'), 'utf8');
    expect(readme).toContain(inviteUrl('YOUR_APPLICATION_ID'));
    expect(readme).toContain(`permissions=${permissionsInteger()}`);
    expect(permissionsInteger()).toBe('309237730304');
  });
});
