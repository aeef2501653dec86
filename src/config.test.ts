import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { configSchema, ConfigError, enabledDoors, loadConfig, loadDotEnv } from './config.ts';

describe('booleans are strict', () => {
  it.each(['true', 'TRUE', '1', 'yes', 'on'])('%s turns a flag on everywhere', (value) => {
    expect(loadConfig({ URL_CHECKS: value, DISCORD_ANSWER_MENTIONS: value })).toMatchObject({ URL_CHECKS: true, DISCORD_ANSWER_MENTIONS: true });
  });
  it.each(['false', '0', 'no', 'off', ''])('"%s" turns it off', (value) => {
    expect(loadConfig({ URL_CHECKS: value }).URL_CHECKS).toBe(false);
  });
  it('anything else stops start-up naming the variable', () => {
    expect(() => loadConfig({ URL_CHECKS: 'maybe' })).toThrow(/URL_CHECKS/);
  });
  it('the engine thread is on unless turned off', () => {
    expect(loadConfig({}).ENGINE_THREAD).toBe(true);
    expect(loadConfig({ ENGINE_THREAD: '' }).ENGINE_THREAD).toBe(true);
    expect(loadConfig({ ENGINE_THREAD: 'false' }).ENGINE_THREAD).toBe(false);
    expect(() => loadConfig({ ENGINE_THREAD: 'sometimes' })).toThrow(/ENGINE_THREAD/);
  });
});

describe('doors and their credentials', () => {
  it('no credentials: no door (the terminal chat)', () => {
    expect(enabledDoors(loadConfig({}))).toEqual([]);
  });
  it('only DISCORD_TOKEN: names DISCORD_APPLICATION_ID', () => {
    expect(() => enabledDoors(loadConfig({ DISCORD_TOKEN: 't' }))).toThrow(/discord door needs DISCORD_APPLICATION_ID/);
  });
  it('Slack bot token alone: names the signing secret or the app token', () => {
    expect(() => enabledDoors(loadConfig({ SLACK_BOT_TOKEN: 'xoxb' }))).toThrow(/slack door needs SLACK_SIGNING_SECRET or SLACK_APP_TOKEN/);
  });
  it('a signing secret without a bot token names SLACK_BOT_TOKEN', () => {
    expect(() => enabledDoors(loadConfig({ SLACK_SIGNING_SECRET: 's' }))).toThrow(/SLACK_BOT_TOKEN/);
  });
  it('DOORS picks doors among the configured ones (one replica without Discord)', () => {
    const both = { DISCORD_TOKEN: 't', DISCORD_APPLICATION_ID: '1', SLACK_BOT_TOKEN: 'xoxb', SLACK_SIGNING_SECRET: 's' };
    expect(enabledDoors(loadConfig(both))).toEqual(['discord', 'slack']);
    expect(enabledDoors(loadConfig({ ...both, DOORS: 'slack' }))).toEqual(['slack']);
  });
  it('DOORS naming a door without credentials, or an unknown door, is an error', () => {
    expect(() => enabledDoors(loadConfig({ DOORS: 'discord' }))).toThrow(ConfigError);
    expect(() => loadConfig({ DOORS: 'teams' })).toThrow(/DOORS/);
  });
});

describe('.env', () => {
  it('fills variables the environment does not set; the environment wins', () => {
    const dir = mkdtempSync(join(tmpdir(), 'cfbot-env-'));
    try {
      const file = join(dir, '.env');
      writeFileSync(file, '# comment\nLOG_LEVEL=debug\nPORT=4100\nSUPPORT_CASE_URL="https://example.com/case"\n');
      const env: NodeJS.ProcessEnv = { PORT: '5000' };
      expect(loadDotEnv(file, env)).toEqual(['LOG_LEVEL', 'SUPPORT_CASE_URL']);
      expect(loadConfig(env)).toMatchObject({ LOG_LEVEL: 'debug', PORT: 5000, SUPPORT_CASE_URL: 'https://example.com/case' });
      expect(loadDotEnv(join(dir, 'missing.env'), env)).toEqual([]);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});

describe('.env.example', () => {
  it('lists every variable the config schema reads, each with a comment above it', () => {
    const lines = readFileSync(join(import.meta.dirname, '..', '.env.example'), 'utf8').split('\n');
    for (const name of Object.keys(configSchema.shape)) {
      const at = lines.findIndex((l) => l.startsWith(`${name}=`));
      expect(at, name).toBeGreaterThan(0);
      expect(lines[at - 1]?.startsWith('#'), `${name} has a comment`).toBe(true);
    }
  });
});
