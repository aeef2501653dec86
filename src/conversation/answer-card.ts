import type { DocPage, Section } from '../knowledge/schema.ts';
import { sectionUrl } from '../knowledge/schema.ts';
import { docBlocks, introducesNext, type DocBlock } from './doc-blocks.ts';
import type { Reply, SourceLink } from './seam.ts';

const MAX_CARD_CHARS = 2200;
const CAUSES = /common causes?|causes?$/i;
const RESOLUTION = /resolution|solution|how to fix|troubleshoot/i;

/**
 * A short answer built only from the page's own words: what the error means,
 * its common causes and the resolution steps, each trimmed, with the page
 * (deep-linked to the section) as the source. Nothing is paraphrased, so
 * nothing can be invented.
 */
export function answerCard(page: DocPage, anchor?: string): Reply {
  const group = sectionGroup(page, anchor);
  const head = group[0];
  const meaning = firstParagraph(head?.text ?? '') || firstParagraph(page.intro) || withoutDanglingIntro(page.description);
  const causes = group.find((s) => CAUSES.test(s.heading));
  const resolution = group.find((s) => RESOLUTION.test(s.heading));
  const shown = causes || resolution ? [causes, resolution].filter((s): s is Section => s !== undefined) : group.slice(1, 3);
  const budget: CardBudget = { left: MAX_CARD_CHARS - meaning.length, shownItems: new Set() };
  const parts = [meaning, ...shown.map((s) => sectionPart(page, group, s, budget))];
  const text = parts.map((p) => absolutizeLinks(stripImages(p), page)).join('\n\n');
  return { title: head?.heading && head.heading !== page.title ? head.heading : page.title, text, sources: [sourceOf(page, head?.anchor)] };
}

/**
 * One section as whole units (a paragraph, a whole list, a whole code block),
 * as many as the card has room for, then a link to the rest. A section with
 * no text of its own (its steps sit in sub-sections) shows those, or a link.
 */
type CardBudget = { left: number; /** List items already on the card: a step two sections share is shown once. */ shownItems: Set<string> };

function sectionPart(page: DocPage, group: Section[], section: Section, budget: CardBudget): string {
  const url = sectionUrl(page, section.anchor);
  const own = docBlocks(section.text);
  const blocks = own.length ? own : docBlocks(subsectionsOf(group, section).map((s) => `_${s.heading}_\n${s.text}`).join('\n\n'));
  const kept: string[] = [];
  let cut = false;
  for (let i = 0; i < blocks.length; i++) {
    const block = blocks[i] as DocBlock;
    // "These common causes:" travels with its list, or not at all.
    // (When what it introduces is an image the card cannot show, the introducing sentence goes.)
    const unit = !introducesNext(block) ? [block] : blocks[i + 1] ? [block, blocks[++i] as DocBlock] : [{ ...block, text: withoutDanglingIntro(block.text) }];
    const text = unit.map((b) => (b.kind === 'list' ? withoutShownItems(b.text, budget.shownItems) : b.text)).filter(Boolean).join('\n');
    if (!text) continue;
    if (text.length > budget.left) {
      cut = true;
      break;
    }
    kept.push(text);
    budget.left -= text.length;
  }
  const heading = `**${section.heading}**`;
  if (!kept.length) return `${heading}\nSee [${section.heading} on the page](${url}).`;
  return [heading, ...kept, ...(cut ? [`…more in [${section.heading}](${url})`] : [])].join('\n');
}

function withoutShownItems(list: string, shown: Set<string>): string {
  return list
    .split('\n')
    .filter((line) => {
      const key = line.trim().toLowerCase();
      if (!/^(?:[*+-]|\d+\.)\s/.test(key)) return true;
      if (shown.has(key)) return false;
      shown.add(key);
      return true;
    })
    .join('\n');
}

function subsectionsOf(group: Section[], section: Section): Section[] {
  const start = group.indexOf(section);
  const out: Section[] = [];
  for (const s of group.slice(start + 1)) {
    if (s.level <= section.level) break;
    out.push(s);
  }
  return out;
}

export function sourceOf(page: DocPage, anchor?: string): SourceLink {
  const section = anchor ? page.sections.find((s) => s.anchor === anchor) : undefined;
  return { title: section && section.heading !== page.title ? `${page.title} › ${section.heading}` : page.title, url: sectionUrl(page, anchor) };
}

/**
 * The sections a card is built from. An error page's `##` section with its
 * "Common causes" and "Resolution" is shown as one, whichever part matched;
 * elsewhere the matched section itself is (the "Caddy" steps, not the
 * "Web server instructions" preamble above them).
 */
function sectionGroup(page: DocPage, anchor?: string): Section[] {
  const index = Math.max(0, anchor ? page.sections.findIndex((s) => s.anchor === anchor) : 0);
  let start = index;
  while (start > 0 && (page.sections[start]?.level ?? 2) > 2) start--;
  const parent = groupFrom(page, start);
  const hasCardParts = parent.some((s) => CAUSES.test(s.heading) || RESOLUTION.test(s.heading));
  return hasCardParts || start === index ? parent : groupFrom(page, index);
}

function groupFrom(page: DocPage, start: number): Section[] {
  const level = page.sections[start]?.level ?? 2;
  const group: Section[] = [];
  for (let i = start; i < page.sections.length; i++) {
    const s = page.sections[i];
    if (!s || (i > start && s.level <= level)) break;
    group.push(s);
  }
  return group;
}

/** A description that ends by introducing a list it does not hold loses that last sentence. */
function withoutDanglingIntro(text: string): string {
  if (!/:\s*$/.test(text)) return text;
  const shorter = text.replace(/(?<=[.!?])\s+[^.!?]*:\s*$/, '');
  return shorter === text ? '' : shorter;
}

/** The first paragraph, with the list or code it introduces when it ends with ":". */
function firstParagraph(text: string): string {
  const blocks = docBlocks(text);
  const i = blocks.findIndex((b) => b.kind === 'paragraph');
  const first = blocks[i];
  if (!first) return '';
  const next = blocks[i + 1];
  if (!introducesNext(first)) return first.text.trim();
  return next ? `${first.text}\n${next.text}`.trim() : withoutDanglingIntro(first.text.trim());
}

function stripImages(text: string): string {
  return text.replace(/!\[[^\]]*\]\([^)]*\)\s*/g, '');
}

/** In-page links ("#502504-from-cloudflare") only work on the page itself; make them absolute. */
function absolutizeLinks(text: string, page: DocPage): string {
  return text.replace(/\]\((#[^)]+)\)/g, (_m, hash: string) => `](${page.url}${hash})`).replace(/ ↗\]/g, ']');
}

