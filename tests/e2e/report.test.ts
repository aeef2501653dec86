import { spawnSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { pathToFileURL } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loadConfig } from '../../src/config.ts';
import type { GapReport } from '../../src/report/gap-report.ts';
import { launchChromium } from '../support/chromium.ts';
import { seedConversations } from '../support/seed-conversations.ts';

const root = resolve(import.meta.dirname, '..', '..');
const tsx = join(root, 'node_modules', '.bin', 'tsx');
const temp = mkdtempSync(join(tmpdir(), 'cfbot-report-'));
const dataDir = join(temp, 'data');
afterAll(() => rmSync(temp, { recursive: true, force: true }));

function cli(args: string[]) {
  const clean = Object.fromEntries(Object.entries(process.env).filter(([k]) => !/^(DISCORD|SLACK|REDIS)_/.test(k)));
  return spawnSync(tsx, [join(root, 'adapters', 'cli', 'main.ts'), ...args], { cwd: root, encoding: 'utf8', timeout: 60_000, env: { ...clean, DATA_DIR: dataDir, LOG_LEVEL: 'silent' } });
}

describe('cli report on a store seeded through the real engine', () => {
  let report: GapReport;
  beforeAll(async () => {
    await seedConversations(loadConfig({ DATA_DIR: dataDir, LOG_LEVEL: 'silent' }));
    const run = cli(['report', '--since', '7d', '--json']);
    expect(run.stderr).toBe('');
    expect(run.status).toBe(0);
    report = JSON.parse(run.stdout) as GapReport;
  }, 120_000);

  it('groups unanswered questions asked in different words, with counts and a redacted example', () => {
    const fridge = report.unanswered.find((g) => /fridge/.test(g.example));
    expect(fridge?.count).toBe(2);
    expect(fridge?.variants).toHaveLength(1);
    const refund = report.unanswered.find((g) => /refund/.test(g.example));
    expect(refund?.count).toBe(2);
    expect(report.totals.outcomes.out_of_scope).toBe(4);
    expect(report.totals.outcomes.abstained).toBe(2);
  });

  it('lists questions that only got suggestions', () => {
    expect(report.suggestedOnly).toEqual([expect.objectContaining({ example: 'cloudflare plugin', count: 3 })]);
  });

  it('ranks the page people said did not help, with its title', () => {
    expect(report.worstPages[0]).toMatchObject({ page: 'cloudflare-wordpress-plugin-automatic-cache-management', down: 2, up: 1, title: expect.stringMatching(/WordPress/) });
  });

  it('shows where people give up in each tree: left for another question, or went quiet', () => {
    const origin = report.trees.find((t) => t.tree === 'origin-connectivity');
    expect(origin).toMatchObject({ started: 2, abandoned: 1, wentQuiet: 1 });
    expect(origin?.nodes.filter((n) => n.leftHere > 0).map((n) => n.node).sort()).toEqual(['522-platform', 'audience']);
    const denied = report.trees.find((t) => t.tree === 'access-denied');
    expect(denied).toMatchObject({ solved: 1, escalated: 1 });
  });

  it('counts escalations by reason and audience', () => {
    expect(report.escalations).toEqual(
      expect.arrayContaining([
        { reason: 'not_solved', audience: 'cloudflare-support', count: 2 },
        { reason: 'asked', audience: 'cloudflare-support', count: 1 },
      ]),
    );
  });

  it('has a turn count per day for the chart, seven days back and today', () => {
    expect(report.perDay.length).toBeGreaterThanOrEqual(8);
    expect(report.perDay.reduce((sum, d) => sum + Object.values(d.outcomes).reduce((a, b) => a + b, 0), 0)).toBe(report.totals.turns);
  });

  it('--since narrows the window', () => {
    const recent = JSON.parse(cli(['report', '--since', '36h', '--json']).stdout) as GapReport;
    expect(recent.totals.turns).toBeGreaterThan(0);
    expect(recent.totals.turns).toBeLessThan(report.totals.turns);
    expect(recent.unanswered).toEqual([]);
  });

  it('refuses a --since it cannot read, saying how to write it', () => {
    const run = cli(['report', '--since', 'lastweek']);
    expect(run.status).toBe(2);
    expect(run.stderr).toMatch(/cannot read --since "lastweek"/);
    expect(run.stderr).toMatch(/7d/);
  });

  it('writes one self-contained HTML page whose charts render in Chromium with no console errors, offline', async () => {
    const file = join(temp, 'report.html');
    const run = cli(['report', '--html', file]);
    expect(run.status).toBe(0);
    const html = readFileSync(file, 'utf8');
    // Self-contained: no external script, stylesheet or image.
    expect(html).not.toMatch(/<script[^>]+src=|<link[^>]+href=|<img[^>]+src="http/);
    const chromium = await launchChromium();
    try {
      const page = await chromium.context.newPage();
      const problems: string[] = [];
      const requests: string[] = [];
      page.on('console', (message) => {
        if (message.type() === 'error' || message.type() === 'warning') problems.push(message.text());
      });
      page.on('pageerror', (error) => problems.push(error.message));
      page.on('request', (request) => requests.push(request.url()));
      await page.goto(pathToFileURL(file).href, { waitUntil: 'load' });
      // uPlot draws into canvases: one for the daily chart, one per tree that has drop-off data.
      await page.waitForSelector('#per-day canvas');
      expect(await page.locator('.chart[data-tree] canvas').count()).toBe(report.trees.filter((t) => t.nodes.length).length);
      expect(await page.locator('#per-day .u-legend').innerText()).toMatch(/answered/);
      expect(await page.locator('body').innerText()).toMatch(/my smart fridge firmware keeps rebooting/);
      mkdirSync(join(root, 'data'), { recursive: true });
      const shot = await page.screenshot({ path: join(root, 'data', 'report-screenshot.png'), fullPage: true });
      expect(shot.length).toBeGreaterThan(10_000);
      expect(problems).toEqual([]);
      expect(requests.filter((url) => !url.startsWith('file:'))).toEqual([]);
    } finally {
      await chromium.close();
    }
  }, 60_000);
});
