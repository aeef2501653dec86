import { cpSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { KNOWLEDGE_DIR, SYNTHETIC_KNOWLEDGE_DIR } from '../../tests/knowledge-paths.ts';
import { loadEngineKnowledge } from '../engine-knowledge.ts';
import { loadKnowledge, sniffSourceKind } from './load.ts';
import { KnowledgeParseError } from './parse-docs.ts';
import { loadKnowledgeRuntime } from './runtime.ts';

const kb = loadKnowledge(KNOWLEDGE_DIR);
const primary = (code: string) => kb.codes.get(code)?.[0];

describe('loading the real knowledge', () => {
  it('imports the docs dump, the post-mortem feed and the blog text, recognised by content', () => {
    expect(kb.sources.map((s) => s.kind).sort()).toEqual(['blog', 'docs', 'rss']);
    expect(kb.secondary.filter((d) => d.kind === 'postmortem')).toHaveLength(2);
    expect(kb.secondary.filter((d) => d.kind === 'blog').length).toBeGreaterThan(0);
    for (const s of kb.sources) expect(s.records, s.file).toBeGreaterThan(0);
  });

  it('sends every code of a combined page to that page', () => {
    for (const code of ['1006', '1007', '1008', '1106']) expect(primary(code), code).toBe('error-1006');
    expect(primary('502')).toBe('error-502-504');
    expect(primary('504')).toBe('error-502-504');
  });

  it('answers 1002 with one page whose two meanings are two sections', () => {
    expect(primary('1002')).toBe('error-1002');
    const headings = kb.pageById.get('error-1002')?.sections.map((s) => s.heading);
    expect(headings).toContain('Error 1002: DNS points to Prohibited IP');
    expect(headings).toContain('Error 1002: Restricted');
  });

  it('maps every 10xxx code to its own page, with the overview behind it', () => {
    const tenThousands = [...kb.codes.keys()].filter((c) => /^10\d{3}$/.test(c));
    expect(tenThousands.length).toBeGreaterThan(10);
    for (const code of tenThousands) {
      expect(primary(code), code).toBe(`error-${code}`);
      expect(kb.codes.get(code), code).toContain('cloudflare-10xxx-errors');
    }
  });

  it('keeps specific pages ahead of overview pages for every code', () => {
    for (const [code, ids] of kb.codes) {
      const firstOverview = ids.findIndex((id) => /^cloudflare-\d+xxx-errors$|^\dxx-/.test(id));
      const lastSpecific = ids.findLastIndex((id) => id.startsWith('error-'));
      if (firstOverview >= 0 && lastSpecific >= 0) expect(lastSpecific, code).toBeLessThan(firstOverview);
    }
  });
});

describe('sniffing a source file', () => {
  it('tells RSS, docs and blog text apart by their first bytes, not their names', () => {
    expect(sniffSourceKind('<?xml version="1.0"?><rss/>')).toBe('rss');
    expect(sniffSourceKind('\n  <rss version="2.0">')).toBe('rss');
    expect(sniffSourceKind('---\ntitle: Error 1020\n---')).toBe('docs');
    expect(sniffSourceKind('---\r\ntitle: Windows line endings\r\n---')).toBe('docs');
    expect(sniffSourceKind('Some scraped paragraph about tubular.')).toBe('blog');
  });
});

describe('a second dump in the same format', () => {
  it('imports with no code change', () => {
    const synthetic = loadKnowledge(SYNTHETIC_KNOWLEDGE_DIR);
    expect(synthetic.pages.map((p) => p.id)).toEqual(['error-1299', 'calibrating-sprocket-tensioner']);
    const errorPage = synthetic.pageById.get('error-1299');
    expect(errorPage?.url).toBe('https://developers.cloudflare.com/widgets/troubleshooting/error-1299/');
    expect(errorPage?.body).toContain('| Quota exhausted  | Widget dashboard   |');
    expect(errorPage?.body).toContain('widgetctl rotate --gizmo');
    expect(errorPage?.body).not.toContain('Was this helpful?');
    expect(synthetic.codes.get('1299')).toEqual(['error-1299']);
  });

  it('is searchable through the same runtime the bot starts with', () => {
    const { searcher } = loadKnowledgeRuntime(SYNTHETIC_KNOWLEDGE_DIR);
    expect(searcher.search('getting error 1299 from the widget gateway').docs[0]?.id).toBe('error-1299');
    expect(searcher.search('sprockets slip, how do I calibrate the tensioner').docs[0]?.id).toBe('calibrating-sprocket-tensioner');
    expect(searcher.search('my gear keeps slipping under load').docs[0]?.id).toBe('calibrating-sprocket-tensioner');
    expect(searcher.search('what is the weather tomorrow').abstain).toBe(true);
  });

  it('starts the whole engine with an empty flows directory', () => {
    const engine = loadEngineKnowledge(SYNTHETIC_KNOWLEDGE_DIR);
    expect(engine.flows).toEqual([]);
    expect(engine.primaryPageOfCode.get('1299')).toBe('error-1299');
  });
});

describe('a knowledge directory that cannot load', () => {
  const made: string[] = [];
  const scratchCopy = () => {
    const dir = mkdtempSync(join(tmpdir(), 'kb-'));
    made.push(dir);
    cpSync(SYNTHETIC_KNOWLEDGE_DIR, dir, { recursive: true });
    return dir;
  };
  afterEach(() => made.splice(0).forEach((dir) => rmSync(dir, { recursive: true, force: true })));

  it('names the broken dump file and page', () => {
    const dir = scratchCopy();
    writeFileSync(join(dir, 'sources', 'zz-broken.txt'), '---\ntitle: Lost Page\ndescription: d\n---\n\nNo breadcrumb here.\n');
    expect(() => loadKnowledge(dir)).toThrow(KnowledgeParseError);
    expect(() => loadKnowledge(dir)).toThrow(/zz-broken\.txt: page 1 \(Lost Page\): no BreadcrumbList/);
  });

  it('refuses a second dump that reuses a page id', () => {
    const dir = scratchCopy();
    cpSync(join(dir, 'sources', 'widgets-dump.txt'), join(dir, 'sources', 'zz-widgets-copy.txt'));
    expect(() => loadKnowledge(dir)).toThrow(/zz-widgets-copy\.txt: error-1299: page id already imported/);
  });

  it('says so when the sources directory is missing or holds no docs dump', () => {
    expect(() => loadKnowledge(join(tmpdir(), 'no-such-knowledge-dir'))).toThrow(/cannot read knowledge sources/);
    const dir = scratchCopy();
    rmSync(join(dir, 'sources', 'widgets-dump.txt'));
    writeFileSync(join(dir, 'sources', 'notes.txt'), 'Only some blog text, no front matter.');
    expect(() => loadKnowledge(dir)).toThrow(/no docs dump found/);
  });
});
