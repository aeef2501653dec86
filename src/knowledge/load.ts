import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { buildCodeMap } from './error-codes.ts';
import { KnowledgeParseError, parseDocsDump } from './parse-docs.ts';
import { parseBlogText } from './parse-blog.ts';
import { parseRssFeed } from './parse-rss.ts';
import type { DocPage, KnowledgeBase, SecondaryDoc } from './schema.ts';

type SourceKind = KnowledgeBase['sources'][number]['kind'];

/** Files are recognised by content, not name, so a new dump in the same format imports as-is. */
export function sniffSourceKind(text: string): SourceKind {
  const head = text.trimStart().slice(0, 200);
  if (head.startsWith('<?xml') || head.startsWith('<rss')) return 'rss';
  if (/^---\r?\ntitle:/.test(head)) return 'docs';
  return 'blog';
}

export function loadKnowledge(dir = './knowledge'): KnowledgeBase {
  const sourcesDir = join(dir, 'sources');
  let files: string[];
  try {
    files = readdirSync(sourcesDir).filter((f) => f.endsWith('.txt') || f.endsWith('.xml') || f.endsWith('.md')).filter((f) => f !== 'SOURCES.md').sort();
  } catch (error) {
    throw new KnowledgeParseError(sourcesDir, 'directory', `cannot read knowledge sources: ${(error as Error).message}`);
  }
  const pages: DocPage[] = [];
  const secondary: SecondaryDoc[] = [];
  const sources: KnowledgeBase['sources'] = [];
  for (const file of files) {
    const path = join(sourcesDir, file);
    const text = readFileSync(path, 'utf8');
    const kind = sniffSourceKind(text);
    if (kind === 'docs') {
      const parsed = parseDocsDump(text, path);
      const clash = parsed.find((p) => pages.some((q) => q.id === p.id));
      if (clash) throw new KnowledgeParseError(path, clash.id, 'page id already imported from another dump');
      pages.push(...parsed);
      sources.push({ file: path, kind, records: parsed.length });
    } else {
      const parsed = kind === 'rss' ? parseRssFeed(text, path) : parseBlogText(text, path);
      secondary.push(...parsed);
      sources.push({ file: path, kind, records: parsed.length });
    }
  }
  if (!pages.length) throw new KnowledgeParseError(sourcesDir, 'sources', 'no docs dump found (a file starting with "---\\ntitle:")');
  return { pages, secondary, codes: buildCodeMap(pages), pageById: new Map(pages.map((p) => [p.id, p])), sources };
}
