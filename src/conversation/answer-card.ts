import type { DocPage, Section } from '../knowledge/schema.ts';
import { sectionUrl } from '../knowledge/schema.ts';
import type { Reply, SourceLink } from './seam.ts';

const MAX_CARD_CHARS = 1600;
const MAX_LIST_ITEMS = 6;

/**
 * A short answer built only from the page's own words: what the error means,
 * its common causes and the resolution steps, each trimmed, with the page
 * (deep-linked to the section) as the source. Nothing is paraphrased, so
 * nothing can be invented.
 */
export function answerCard(page: DocPage, anchor?: string): Reply {
  const group = sectionGroup(page, anchor);
  const head = group[0];
  const meaning = firstParagraph(head?.text || page.intro) || page.description;
  const causes = group.find((s) => /common causes?|causes?$/i.test(s.heading));
  const resolution = group.find((s) => /resolution|solution|how to fix|troubleshoot/i.test(s.heading));
  const parts = [meaning];
  if (causes?.text) parts.push(`**Common causes**\n${trimList(causes.text, page)}`);
  if (resolution?.text) parts.push(`**Resolution**\n${trimList(resolution.text, page)}`);
  if (!causes && !resolution) {
    for (const s of group.slice(1, 3)) if (s.text) parts.push(`**${s.heading}**\n${trimList(s.text, page)}`);
  }
  const text = clip(parts.map((p) => absolutizeLinks(stripImages(p), page)).join('\n\n'), MAX_CARD_CHARS, sectionUrl(page, head?.anchor));
  return { title: head?.heading && head.heading !== page.title ? head.heading : page.title, text, sources: [sourceOf(page, head?.anchor)] };
}

export function sourceOf(page: DocPage, anchor?: string): SourceLink {
  const section = anchor ? page.sections.find((s) => s.anchor === anchor) : undefined;
  return { title: section && section.heading !== page.title ? `${page.title} › ${section.heading}` : page.title, url: sectionUrl(page, anchor) };
}

/** The `##` section holding `anchor` (or the first one) with its sub-sections. */
function sectionGroup(page: DocPage, anchor?: string): Section[] {
  const index = Math.max(0, anchor ? page.sections.findIndex((s) => s.anchor === anchor) : 0);
  let start = index;
  while (start > 0 && (page.sections[start]?.level ?? 2) > 2) start--;
  const group: Section[] = [];
  for (let i = start; i < page.sections.length; i++) {
    const s = page.sections[i];
    if (!s || (i > start && s.level <= 2)) break;
    group.push(s);
  }
  return group;
}

function firstParagraph(text: string): string {
  return (text.split(/\n\s*\n/).find((p) => p.trim() && !p.trim().startsWith('!')) ?? '').trim();
}

/** Keeps the first few list items (or lines) of a section, noting how many more the page has. */
function trimList(text: string, page: DocPage): string {
  const lines = text.split('\n').filter((l) => l.trim() && !/^\s*!\[/.test(l) && !/^\s*\[\s*Go to/.test(l));
  const items = lines.filter((l) => /^\s*(?:[*-]|\d+\.)\s/.test(l));
  if (items.length === 0) return lines.slice(0, 4).join('\n');
  const top = items.filter((l) => /^(?:[*-]|\d+\.)\s/.test(l));
  const shown = top.slice(0, MAX_LIST_ITEMS).map((l) => l.replace(/^\*\s/, '- '));
  const lead = lines[0] && !/^\s*(?:[*-]|\d+\.)\s/.test(lines[0]) ? [lines[0]] : [];
  const more = top.length - shown.length;
  return [...lead, ...shown, ...(more > 0 ? [`- …and ${more} more on [the page](${page.url})`] : [])].join('\n');
}

function stripImages(text: string): string {
  return text.replace(/!\[[^\]]*\]\([^)]*\)\s*/g, '');
}

/** In-page links ("#502504-from-cloudflare") only work on the page itself; make them absolute. */
function absolutizeLinks(text: string, page: DocPage): string {
  return text.replace(/\]\((#[^)]+)\)/g, (_m, hash: string) => `](${page.url}${hash})`).replace(/ ↗\]/g, ']');
}

/** Cuts at a line boundary, never inside a link, and points to the full page. */
function clip(text: string, max: number, url: string): string {
  if (text.length <= max) return text;
  const lines = text.split('\n');
  const kept: string[] = [];
  let size = 0;
  for (const line of lines) {
    if (size + line.length + 1 > max - 60) break;
    kept.push(line);
    size += line.length + 1;
  }
  return `${kept.join('\n')}\n…more in [the full article](${url})`;
}
