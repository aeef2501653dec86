import { mkdtempSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { citedPageIds, codeMatches, loadSupportConfig } from './support-config.ts';

const FILE = 'knowledge/support.yaml';

function brokenCopy(edit: (yaml: string) => string): string {
  const dir = mkdtempSync(join(tmpdir(), 'support-yaml-'));
  const file = join(dir, 'support.yaml');
  writeFileSync(file, edit(readFileSync(FILE, 'utf8')));
  return file;
}

describe('knowledge/support.yaml', () => {
  const support = loadSupportConfig(FILE);

  it('follows the plan table of contacting-cloudflare-support', () => {
    expect(support.plans.free.channels).toEqual({ community: 'recommended', discord: 'recommended', case: 'limited', chat: 'no', phone: 'no' });
    expect(support.plans.free.caseTopics).toEqual(['billing', 'account', 'registrar']);
    expect(support.plans.pro.channels.case).toBe('yes');
    expect(support.plans.business.channels).toMatchObject({ case: 'yes', chat: 'yes', phone: 'no' });
    expect(support.plans.enterprise.channels).toMatchObject({ case: 'yes', chat: 'yes', phone: 'yes' });
    expect(support.links).toMatchObject({ community: 'https://community.cloudflare.com/', discord: 'https://discord.cloudflare.com', status: 'https://www.cloudflarestatus.com/' });
    expect(support.priorities.map((p) => `${p.id} ${p.name}`)).toEqual(['P1 Urgent', 'P2 High', 'P3 Normal', 'P4 Low']);
  });

  it('cites only pages that exist in the docs dump', () => {
    const dump = readdirSync('knowledge/sources').filter((f) => f.startsWith('002_')).map((f) => readFileSync(join('knowledge/sources', f), 'utf8')).join('\n');
    const missing = citedPageIds(support).filter((id) => !dump.includes(`/${id}/","name"`));
    expect(missing).toEqual([]);
  });

  it('names the file and the field when a copy is broken', () => {
    const badItem = brokenCopy((y) => y.replace('add: [mtr]', 'add: [mtrr]'));
    expect(() => loadSupportConfig(badItem)).toThrow(badItem);
    expect(() => loadSupportConfig(badItem)).toThrow(/checklist\.rules\.2\.add\.0: unknown checklist item "mtrr"/);

    const badPlan = brokenCopy((y) => y.replace('case: "yes", chat: "no"', 'case: maybe, chat: "no"'));
    expect(() => loadSupportConfig(badPlan)).toThrow(/plans\.pro\.channels\.case/);

    const badUrl = brokenCopy((y) => y.replace('status: https://www.cloudflarestatus.com/', 'status: cloudflarestatus'));
    expect(() => loadSupportConfig(badUrl)).toThrow(/links\.status/);
  });

  it('reports a missing file and YAML syntax errors with the file name', () => {
    expect(() => loadSupportConfig('knowledge/nope.yaml')).toThrow(/knowledge\/nope\.yaml/);
    const badYaml = brokenCopy((y) => `${y}\n  : : [\n`);
    expect(() => loadSupportConfig(badYaml)).toThrow(badYaml);
  });
});

describe('codeMatches', () => {
  it('matches exact codes and x wildcards of the same length', () => {
    expect(codeMatches('522', '522')).toBe(true);
    expect(codeMatches('52x', '524')).toBe(true);
    expect(codeMatches('1xxx', '1020')).toBe(true);
    expect(codeMatches('5xx', '1020')).toBe(false);
    expect(codeMatches('1xxx', '10000')).toBe(false);
  });
});
