import { cpSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { loadKnowledgeRuntime } from '../knowledge/runtime.ts';
import { SynonymExpander, synonymsSchema } from './synonyms.ts';

describe('concepts said together', () => {
  const expander = new SynonymExpander(
    synonymsSchema.parse({
      phrases: [{ match: ['turkey', 'spain'], expand: ['country'] }],
      together: [{ all: [['@country', 'country'], ['network', 'isp']], pages: ['potential-isp-blocking'] }],
    }),
  );

  it('hints when each group is met anywhere in the message, a country name crediting @country', () => {
    expect(expander.expand('Visitors in Turkey cannot open it. I think the mobile network does something.').pages).toEqual(['potential-isp-blocking']);
  });

  it('does not hint on one concept alone', () => {
    expect(expander.expand('Visitors in Spain cannot open the shop').pages).toEqual([]);
    expect(expander.expand('the network is slow today').pages).toEqual([]);
  });
});

describe('a phrase with a gap (*) for the words people put in the middle', () => {
  const expander = new SynonymExpander(synonymsSchema.parse({ phrases: [{ match: ['blocked from the * site'], pages: ['error-403'] }] }));

  it('meets one to four words there, whatever they are', () => {
    expect(expander.expand('I got blocked from the recipe site').pages).toEqual(['error-403']);
    expect(expander.expand('Blocked from the minecraft server hosting site since yesterday').pages).toEqual(['error-403']);
  });

  it('needs a word there, and not a whole sentence', () => {
    expect(expander.expand('blocked from the site').pages).toEqual([]);
    expect(expander.expand('blocked from the office network on a very slow site').pages).toEqual([]);
  });

  it('refuses a phrase that starts or ends with the gap', () => {
    expect(() => synonymsSchema.parse({ phrases: [{ match: ['* site'] }] })).toThrow(/may not start or end with \*/);
    expect(() => synonymsSchema.parse({ phrases: [{ match: ['blocked from *'] }] })).toThrow(/may not start or end with \*/);
  });
});

describe('a synonyms file that names a page the docs do not have', () => {
  it('stops loading and says which entry and which page', () => {
    const dir = mkdtempSync(join(tmpdir(), 'cf-bot-synonyms-'));
    try {
      cpSync('./knowledge', dir, { recursive: true });
      const file = join(dir, 'synonyms.yaml');
      writeFileSync(file, readFileSync(file, 'utf8').replace('pages: [potential-isp-blocking]', 'pages: [potential-isp-blokking]'));
      expect(() => loadKnowledgeRuntime(dir)).toThrow(/synonyms\.yaml is invalid: .*names page "potential-isp-blokking", which the docs do not have/);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});
