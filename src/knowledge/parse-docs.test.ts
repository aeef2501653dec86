import { describe, expect, it } from 'vitest';
import { sourceFiles } from '../../tests/knowledge-paths.ts';
import { KnowledgeParseError, parseDocsDump } from './parse-docs.ts';
import type { DocPage } from './schema.ts';

const dumps = sourceFiles('docs');
const pages: DocPage[] = dumps.flatMap(({ file, text }) => parseDocsDump(text, file));
const page = (id: string): DocPage => {
  const found = pages.find((p) => p.id === id);
  if (!found) throw new Error(`page ${id} not in the dump`);
  return found;
};

describe('the real docs dump', () => {
  it('is present and every front-matter block became a page', () => {
    expect(dumps.length).toBeGreaterThan(0);
    const frontMatters = dumps.reduce((n, { text }) => n + (text.match(/^---\r?\ntitle:/gm) ?? []).length, 0);
    expect(pages).toHaveLength(frontMatters);
    expect(pages.length).toBeGreaterThan(100);
  });

  it('gives every page an id, a title and an https URL on developers.cloudflare.com ending in its id', () => {
    for (const p of pages) {
      expect(p.id, p.title).toMatch(/^[a-z0-9][a-z0-9-]*$/);
      expect(p.title.trim(), p.id).not.toBe('');
      const url = new URL(p.url);
      expect(url.protocol, p.id).toBe('https:');
      expect(url.hostname, p.id).toBe('developers.cloudflare.com');
      expect(url.pathname, p.id).toMatch(new RegExp(`/${p.id}/?$`));
    }
    expect(new Set(pages.map((p) => p.id)).size).toBe(pages.length);
  });

  it('takes ids from the last segment of the canonical path, which links and evals rely on', () => {
    expect(page('error-1020').url).toBe('https://developers.cloudflare.com/support/troubleshooting/http-status-codes/cloudflare-1xxx-errors/error-1020/');
    expect(page('error-502-504').title).toBe('Error 502 or 504');
    expect(page('contacting-cloudflare-support').title).toBe('Contacting Cloudflare Support');
  });

  it('leaves none of the site chrome in any body', () => {
    const chrome = ['Skip to content', 'Was this helpful?', 'YesNo', 'Copy page', 'BreadcrumbList', '"@context"'];
    for (const p of pages) for (const text of chrome) expect(p.body, `${p.id} still has "${text}"`).not.toContain(text);
  });

  it('splits pages into sections whose anchors match the site, so deep links land', () => {
    const anchors = page('error-502-504').sections.map((s) => s.anchor);
    expect(anchors).toContain('502504-from-cloudflare');
    expect(anchors).toContain('502504-from-your-origin-web-server');
    const fromCloudflare = page('error-502-504').sections.find((s) => s.anchor === '502504-from-cloudflare');
    expect(fromCloudflare?.heading).toBe('502/504 from Cloudflare');
    expect(fromCloudflare?.trail[0]).toMatch(/^Error 502/);
  });

  it('keeps lists, tables and code blocks in the Markdown', () => {
    const bodies = pages.map((p) => p.body);
    expect(bodies.some((b) => /^\| .* \|\s*$/m.test(b)), 'a table row').toBe(true);
    expect(bodies.some((b) => /^\s*```/m.test(b)), 'a code fence').toBe(true);
    expect(bodies.some((b) => /^\s*[*-] \S/m.test(b)), 'a bullet list').toBe(true);
    expect(bodies.some((b) => /^\s*1\. \S/m.test(b)), 'a numbered list').toBe(true);
  });

  it('drops the H1 that repeats the title and decodes entities in front matter', () => {
    for (const p of pages) expect(p.body.startsWith(`# ${p.title}`), p.id).toBe(false);
    for (const p of pages) expect(`${p.title} ${p.description}`, p.id).not.toMatch(/&(?:amp|lt|gt|quot|#\d+);/);
  });
});

const BREADCRUMB = (path: string) =>
  '```json\n' +
  JSON.stringify({ '@context': 'https://schema.org', '@type': 'BreadcrumbList', itemListElement: [{ '@type': 'ListItem', position: 1, item: { '@id': path, name: 'Page' } }] }) +
  '\n```';
const goodPage = (title: string, path: string) => `---\ntitle: ${title}\ndescription: d\n---\n\n# ${title}\n\nBody.\n\n${BREADCRUMB(path)}\n\n---\n\n`;

/** Parses and returns the KnowledgeParseError, failing the test if none is thrown. */
function parseError(dump: string): KnowledgeParseError {
  try {
    parseDocsDump(dump, 'broken-dump.txt');
  } catch (error) {
    if (error instanceof KnowledgeParseError) return error;
    throw error;
  }
  throw new Error('expected a KnowledgeParseError');
}

describe('a broken dump', () => {
  it('without a BreadcrumbList names the file, the page and why the id is unknown', () => {
    const error = parseError(goodPage('Fine', '/a/fine/') + '---\ntitle: No Crumbs\ndescription: d\n---\n\n# No Crumbs\n\nBody.\n');
    expect(error.file).toBe('broken-dump.txt');
    expect(error.message).toContain('broken-dump.txt');
    expect(error.message).toContain('page 2 (No Crumbs)');
    expect(error.message).toMatch(/BreadcrumbList/);
  });

  it('with unclosed front matter names the file and the page', () => {
    const error = parseError(goodPage('Fine', '/a/fine/') + '---\ntitle: Unclosed\ndescription: d\n\n# Unclosed\n\nBody without the closing line.\n');
    expect(error.message).toContain('broken-dump.txt: page 2');
    expect(error.message).toMatch(/front matter is not closed/);
  });

  it('with unclosed front matter mid-dump still stops at that page', () => {
    // The page separator `---` then closes the block, so the reason given is the missing breadcrumb; the page named is still right.
    const unclosed = `---\ntitle: Unclosed\ndescription: d\n\n# Unclosed\n\nBody.\n\n${BREADCRUMB('/u/')}\n\n---\n\n`;
    const error = parseError(goodPage('Fine', '/a/fine/') + unclosed + goodPage('After', '/a/after/'));
    expect(error.message).toContain('broken-dump.txt: page 2 (Unclosed)');
  });

  it('with invalid BreadcrumbList JSON names the file, the page and the JSON problem', () => {
    const badJson = '```json\n{"@type":"BreadcrumbList","itemListElement":[{"item":{"@id":"/a/b/",}]}\n```';
    const error = parseError(`---\ntitle: Bad Json\ndescription: d\n---\n\nBody.\n\n${badJson}\n`);
    expect(error.message).toContain('broken-dump.txt: page 1 (Bad Json)');
    expect(error.message).toMatch(/BreadcrumbList JSON is invalid/);
  });

  it('with two pages on the same canonical path reports the duplicate id', () => {
    const error = parseError(goodPage('One', '/a/same/') + goodPage('Two', '/b/same/'));
    expect(error.message).toMatch(/page 2 \(same\).*duplicate page id/);
  });
});
