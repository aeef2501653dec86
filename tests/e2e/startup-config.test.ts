import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { BotProcess, ROOT } from '../support/bot-process.ts';

/** What an operator sees when `npm start` meets half a configuration. */
const temp = mkdtempSync(join(tmpdir(), 'cfbot-startcfg-'));
afterAll(() => rmSync(temp, { recursive: true, force: true }));

async function start(env: Record<string, string>, cwd = ROOT) {
  const bot = new BotProcess({ DATA_DIR: join(temp, 'data'), KNOWLEDGE_DIR: join(ROOT, 'knowledge'), LOG_LEVEL: 'silent', ...env }, { cwd });
  bot.endInput();
  const exit = await Promise.race([bot.exited, new Promise<{ code: 'still running' }>((resolve) => setTimeout(() => resolve({ code: 'still running' }), 20_000))]);
  await bot.stop();
  return { code: exit.code, stderr: bot.stderrText, stdout: bot.stdout };
}

describe('npm start refuses half a configuration, naming what is missing', () => {
  it('only DISCORD_TOKEN set: exits 1 naming DISCORD_APPLICATION_ID instead of opening the terminal chat', async () => {
    const run = await start({ DISCORD_TOKEN: 'a-token' });
    expect(run.code).toBe(1);
    expect(run.stderr).toMatch(/discord door needs DISCORD_APPLICATION_ID/);
    expect(run.stdout).not.toMatch(/Cloudflare support assistant/);
    expect(run.stderr).not.toContain('a-token');
  });

  it('a boolean it cannot read: exits 1 naming the variable', async () => {
    const run = await start({ URL_CHECKS: 'maybe' });
    expect(run.code).toBe(1);
    expect(run.stderr).toMatch(/URL_CHECKS/);
  });

  it('reads .env from the working directory, and the environment wins over it', async () => {
    const cwd = join(temp, 'with-env');
    mkdirSync(cwd, { recursive: true });
    writeFileSync(join(cwd, '.env'), 'SLACK_BOT_TOKEN=xoxb-from-file\n');
    const fromFile = await start({}, cwd);
    expect(fromFile.code).toBe(1);
    expect(fromFile.stderr).toMatch(/slack door needs SLACK_SIGNING_SECRET or SLACK_APP_TOKEN/);

    writeFileSync(join(cwd, '.env'), 'CONVERSATION_TTL_MINUTES=soon\n');
    expect((await start({}, cwd)).stderr).toMatch(/CONVERSATION_TTL_MINUTES/);
    const overridden = await start({ CONVERSATION_TTL_MINUTES: '30' }, cwd);
    expect(overridden.code).toBe(0); // the terminal chat, stdin closed at once
    expect(overridden.stdout).toMatch(/Cloudflare support assistant/);
  }, 60_000);
});
