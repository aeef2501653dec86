import type { DocPage } from './schema.ts';

/**
 * Which codes a page answers, read from its own title and `##` headings:
 * "Error 1006, 1007, 1008 or 1106", "Error 502 or 504", "Errors 1009 Access Denied".
 * Overview pages (e.g. "Cloudflare 1xxx errors") list many codes and are kept as
 * fallbacks behind the specific page.
 */
export function codesOfPage(page: DocPage): string[] {
  const fromTitle = codesInHeading(page.title);
  if (fromTitle.length) return fromTitle;
  const fromId = /^error-(\d{3,5})(?:-(\d{3,5}))?$/.exec(page.id);
  return fromId ? [fromId[1], fromId[2]].filter((c): c is string => Boolean(c)) : [];
}

/** Codes stated in a heading that starts with "Error"/"Errors"/"HTTP": the numbers before the first word that isn't a code. */
export function codesInHeading(heading: string): string[] {
  const m = /^(?:errors?\s+|http\s+)?((?:\d{3,5}(?:\s*(?:,|or|and|&|\/)\s*)?)+)(?=\s*[:A-Za-z(]|$)/i.exec(heading.trim());
  return m?.[1] ? [...m[1].matchAll(/\d{3,5}/g)].map((x) => x[0]) : [];
}

/** Overview pages mention codes in their section headings; those sections are second-choice answers. */
export function codesInOverview(page: DocPage): string[] {
  return [...new Set(page.sections.flatMap((s) => codesInHeading(s.heading)))];
}

/** code -> page ids: specific pages first, then overview pages that cover it. */
export function buildCodeMap(pages: DocPage[]): Map<string, string[]> {
  const map = new Map<string, string[]>();
  const add = (code: string, id: string) => {
    const ids = map.get(code) ?? [];
    if (!ids.includes(id)) ids.push(id);
    map.set(code, ids);
  };
  for (const page of pages) for (const code of codesOfPage(page)) add(code, page.id);
  for (const page of pages) if (!codesOfPage(page).length) for (const code of codesInOverview(page)) add(code, page.id);
  return map;
}
