import { decodeHTMLStrict } from 'entities';
import { z } from 'zod';
import { createAnchorMaker, headingPlainText } from './anchors.ts';
import { DOCS_ORIGIN, docPageSchema, type DocPage, type Section } from './schema.ts';

export class KnowledgeParseError extends Error {
  constructor(readonly file: string, readonly record: string, message: string) {
    super(`${file}: ${record}: ${message}`);
  }
}

const frontMatterSchema = z.object({ title: z.string().min(1), description: z.string().default('') });

const breadcrumbSchema = z.object({
  '@type': z.literal('BreadcrumbList'),
  itemListElement: z.array(z.object({ item: z.object({ '@id': z.string(), name: z.string() }) })).min(1),
});

/** Lines the site wraps around every page; they carry no knowledge. */
const CHROME_LINES = [/^\[Skip to content\]\(#.*\)\s*$/, /^Was this helpful\?\s*$/, /^YesNo\s*$/, /^Copy page\s*$/];

/** A page starts where a front-matter block opens with a title. */
const PAGE_START = /^---\r?\ntitle:/gm;

export function splitDump(dump: string): string[] {
  const starts = [...dump.matchAll(PAGE_START)].map((m) => m.index);
  return starts.map((start, i) => dump.slice(start, starts[i + 1] ?? dump.length));
}

export function parseDocsDump(dump: string, file = 'docs dump'): DocPage[] {
  const pages = splitDump(dump).map((chunk, i) => parseDocPage(chunk, file, i + 1));
  const seen = new Map<string, number>();
  pages.forEach((page, i) => {
    const first = seen.get(page.id);
    if (first !== undefined) throw new KnowledgeParseError(file, `page ${i + 1} (${page.id})`, `duplicate page id, first seen as page ${first + 1}`);
    seen.set(page.id, i);
  });
  return pages;
}

export function parseDocPage(chunk: string, file: string, ordinal: number): DocPage {
  const where = `page ${ordinal}`;
  const fm = /^---\r?\n([\s\S]*?)\r?\n---\r?\n/.exec(chunk);
  if (!fm?.[1]) throw new KnowledgeParseError(file, where, 'front matter is not closed by a --- line');
  const front = frontMatterSchema.safeParse(parseFrontMatter(fm[1]));
  if (!front.success) throw new KnowledgeParseError(file, where, `front matter: ${front.error.issues.map((x) => `${x.path.join('.')} ${x.message}`).join('; ')}`);
  const { title, description } = front.data;

  let rest = chunk.slice(fm[0].length);
  const { path, breadcrumbs, without } = extractBreadcrumbs(rest, file, `${where} (${title})`);
  rest = without;

  const body = cleanBody(rest);
  const id = path.split('/').filter(Boolean).pop() ?? '';
  const { intro, sections } = splitSections(body);
  const page = {
    id, title, description, path, url: DOCS_ORIGIN + path, breadcrumbs, body, intro, sections,
  };
  const checked = docPageSchema.safeParse(page);
  if (!checked.success) throw new KnowledgeParseError(file, `${where} (${title})`, checked.error.issues.map((x) => `${x.path.join('.')} ${x.message}`).join('; '));
  return checked.data;
}

/**
 * The dump's front matter is `key: value` lines whose values are not quoted
 * (they contain colons), so a YAML parser rejects some; split on the first colon.
 */
function parseFrontMatter(block: string): Record<string, string> {
  const fields: Record<string, string> = {};
  for (const line of block.split(/\r?\n/)) {
    const m = /^([A-Za-z_][\w-]*):\s*(.*)$/.exec(line);
    if (m?.[1]) fields[m[1]] = decodeEntities(unquote(m[2] ?? ''));
  }
  return fields;
}

function unquote(value: string): string {
  const v = value.trim();
  return /^(["']).*\1$/.test(v) ? v.slice(1, -1) : v;
}

/** HTML entities in front matter and feeds (strict: only `&name;` with its semicolon); a no-break space is a space. */
export function decodeEntities(text: string): string {
  return decodeHTMLStrict(text).replace(/\u00a0/g, ' ');
}

function extractBreadcrumbs(text: string, file: string, where: string): { path: string; breadcrumbs: string[]; without: string } {
  const block = /```json\s*\n(\{[^\n]*"BreadcrumbList"[^\n]*\})\s*\n```/.exec(text);
  if (!block?.[1]) throw new KnowledgeParseError(file, where, 'no BreadcrumbList JSON-LD block: cannot tell the page id');
  let json: unknown;
  try {
    json = JSON.parse(block[1]);
  } catch (error) {
    throw new KnowledgeParseError(file, where, `BreadcrumbList JSON is invalid: ${(error as Error).message}`);
  }
  const crumbs = breadcrumbSchema.safeParse(json);
  if (!crumbs.success) throw new KnowledgeParseError(file, where, 'BreadcrumbList has no itemListElement with @id');
  const items = crumbs.data.itemListElement.map((e) => e.item);
  const last = items[items.length - 1];
  if (!last) throw new KnowledgeParseError(file, where, 'BreadcrumbList is empty');
  return {
    path: last['@id'],
    breadcrumbs: items.map((i) => i.name).filter((n) => n !== 'Directory'),
    without: text.slice(0, block.index) + text.slice(block.index + block[0].length),
  };
}

function cleanBody(text: string): string {
  const lines = text.split(/\r?\n/).filter((line) => !CHROME_LINES.some((re) => re.test(line.trim())));
  const joined = lines.join('\n')
    .replace(/^# .*$/m, '') // the H1 repeats the title
    .replace(/\n---\s*$/g, '') // page separator
    .replace(/\n{3,}/g, '\n\n');
  return joined.trim();
}

/** Splits on ##–#### headings outside code fences; text keeps lists, tables and code. */
export function splitSections(body: string): { intro: string; sections: Section[] } {
  const anchorFor = createAnchorMaker();
  const sections: Section[] = [];
  const trail: { level: number; heading: string }[] = [];
  const introLines: string[] = [];
  let current: { section: Section; lines: string[] } | undefined;
  let inFence = false;

  const flush = () => {
    if (current) current.section.text = current.lines.join('\n').replace(/\n---\s*$/, '').trim();
  };

  for (const line of body.split('\n')) {
    if (/^\s*```/.test(line)) inFence = !inFence;
    const heading = inFence ? null : /^(#{2,4})\s+(.+?)\s*#*\s*$/.exec(line);
    if (heading?.[1] && heading[2]) {
      flush();
      const level = heading[1].length;
      const text = headingPlainText(heading[2]);
      while (trail.length && (trail[trail.length - 1]?.level ?? 0) >= level) trail.pop();
      trail.push({ level, heading: text });
      const section: Section = { anchor: anchorFor(heading[2]), heading: text, level, trail: trail.map((t) => t.heading), text: '' };
      sections.push(section);
      current = { section, lines: [] };
    } else if (current) {
      current.lines.push(line);
    } else {
      introLines.push(line);
    }
  }
  flush();
  return { intro: introLines.join('\n').trim(), sections };
}
