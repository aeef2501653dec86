import { describe, expect, it } from 'vitest';
import { run as kbFlow } from './kb-flow.ts';
import { run as kbLint } from './kb-lint.ts';

/** The CLI modules for trees, run in-process with a collecting io. */
async function capture(run: (args: string[], io: { out(l: string): void; err(l: string): void }) => Promise<number>, args: string[]) {
  const out: string[] = [];
  const err: string[] = [];
  const code = await run(args, { out: (l) => out.push(l), err: (l) => err.push(l) });
  return { code, out, err };
}

describe('kb lint', () => {
  it('passes on the shipped trees', async () => {
    const { code, out } = await capture(kbLint, []);
    expect(code).toBe(0);
    expect(out).toEqual([expect.stringMatching(/^ok: 8 trees, \d+ nodes$/)]);
  });

  it('prints every problem as file: node "x": reason and exits 1', async () => {
    const { code, out, err } = await capture(kbLint, ['--flows', 'tests/fixtures/flows/broken']);
    expect(code).toBe(1);
    expect(out).toContain('tests/fixtures/flows/broken/missing-next.yaml: node "check-mode": option "full" -> next "nope" does not exist');
    expect(out).toContain('tests/fixtures/flows/broken/unreachable.yaml: node "orphan": is unreachable from start "done"');
    expect(err.at(-1)).toMatch(/^\d+ problems in 10 file\(s\)$/);
  });

  it('fails cleanly when the knowledge folder has no docs', async () => {
    const { code, err } = await capture(kbLint, ['tests/fixtures/flows']);
    expect(code).toBe(1);
    expect(err.join('\n')).toMatch(/sources/);
  });
});

describe('kb flow', () => {
  it('prints a Mermaid diagram with --mermaid', async () => {
    const { code, out } = await capture(kbFlow, ['ssl-tls', '--mermaid']);
    expect(code).toBe(0);
    expect(out[0]?.startsWith('flowchart TD\n')).toBe(true);
  });

  it('lists the known ids for an unknown one', async () => {
    const { code, err } = await capture(kbFlow, ['nope', '--mermaid']);
    expect(code).toBe(1);
    expect(err).toEqual(['unknown flow "nope"; known flows: 5xx-triage, access-denied, contacting-support, dns-host, origin-connectivity, slow-site, ssl-tls, workers']);
  });

  it('summarises the tree without --mermaid and needs an id', async () => {
    expect((await capture(kbFlow, ['workers'])).out[0]).toBe('workers: Workers errors (1101, 1102)');
    expect((await capture(kbFlow, [])).code).toBe(2);
  });

  it('names a mistyped flag instead of ignoring it, and says how to call the command', async () => {
    const { code, err } = await capture(kbFlow, ['workers', '--mermiad']);
    expect(code).toBe(2);
    expect(err.join('\n')).toMatch(/--mermiad/);
    expect(err.join('\n')).toContain('usage: kb flow <id> [--mermaid]');
    expect((await capture(kbLint, ['--flows'])).code).toBe(2);
  });
});
