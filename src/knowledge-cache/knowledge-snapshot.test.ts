import { cpSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { answerPlan } from '../conversation/answer-plan.ts';
import { markClasses, restoreClasses, UnsnapshottableError } from './class-graph.ts';
import { loadKnowledge } from './knowledge-snapshot.ts';

const temp = mkdtempSync(join(tmpdir(), 'cfbot-snapshot-'));
afterAll(() => rmSync(temp, { recursive: true, force: true }));
const QUESTIONS = ['error 1020', 'my site shows a 502', 'too many redirects', 'conection timed out', 'write me a poem'];

describe('knowledge snapshot', () => {
  const dir = join(temp, 'knowledge');
  const cacheDir = join(temp, 'cache');
  cpSync(join(import.meta.dirname, '..', '..', 'knowledge'), dir, { recursive: true });

  it('an unchanged folder is read back from the snapshot and answers exactly as the parsed one', async () => {
    const parsed = await loadKnowledge({ dir, cacheDir });
    const cached = await loadKnowledge({ dir, cacheDir });
    expect([parsed.from, cached.from]).toEqual(['files', 'snapshot']);
    expect(cached.key).toBe(parsed.key);
    for (const q of QUESTIONS) expect(answerPlan(cached.knowledge, q)).toEqual(answerPlan(parsed.knowledge, q));
    expect(cached.support).toEqual(parsed.support);
    expect(readdirSync(cacheDir)).toEqual([`knowledge-${cached.key}.v8`]);
  });

  it('any edit under the folder changes the key; the old snapshot is replaced', async () => {
    const synonyms = join(dir, 'synonyms.yaml');
    writeFileSync(synonyms, `${readFileSync(synonyms, 'utf8')}\n# an edit\n`);
    const edited = await loadKnowledge({ dir, cacheDir });
    expect(edited.from).toBe('files');
    expect(readdirSync(cacheDir)).toEqual([`knowledge-${edited.key}.v8`]);
  });

  it('an unreadable snapshot is reported and the files are parsed instead', async () => {
    const { key } = await loadKnowledge({ dir, cacheDir });
    writeFileSync(join(cacheDir, `knowledge-${key}.v8`), 'not a snapshot');
    const problems: string[] = [];
    const load = await loadKnowledge({ dir, cacheDir, onCacheProblem: (m) => problems.push(m) });
    expect(load.from).toBe('files');
    expect(problems).toEqual([expect.stringMatching(/unreadable, loading the files/)]);
    expect((await loadKnowledge({ dir, cacheDir })).from).toBe('snapshot');
  });
});

describe('class graph', () => {
  class Known {
    constructor(readonly n: number) {}
    twice() {
      return this.n * 2;
    }
  }
  class Unknown {}

  it('puts prototypes back on instances, in Maps, arrays and shared references', async () => {
    const { deserialize, serialize } = await import('node:v8');
    const shared = new Known(2);
    const graph = { a: shared, list: [new Known(3)], map: new Map([['k', shared]]) };
    const marks = markClasses(graph, { Known });
    const back = deserialize(serialize(graph)) as typeof graph;
    restoreClasses(back, marks, { Known });
    expect([back.a.twice(), back.list[0]?.twice(), back.map.get('k')?.twice()]).toEqual([4, 6, 4]);
    expect(back.map.get('k')).toBe(back.a);
  });

  it('refuses a graph holding a class it does not know, so it is never cached half-alive', () => {
    expect(() => markClasses({ inner: { x: new Unknown() } }, { Known })).toThrow(UnsnapshottableError);
    expect(() => markClasses({ f: () => 1 }, { Known })).toThrow(/function at f/);
  });
});
