import { z } from 'zod';

/** A `##`–`####` section of a docs page; `anchor` is the page's own fragment id for deep links. */
export const sectionSchema = z.object({
  anchor: z.string().min(1),
  heading: z.string().min(1),
  level: z.number().int().min(2).max(4),
  /** Headings from the page's `##` down to this one, for context ("Error 502 … › Resolution"). */
  trail: z.array(z.string()),
  /** Markdown of the section body without its sub-sections; lists, tables and code kept. */
  text: z.string(),
});
export type Section = z.infer<typeof sectionSchema>;

export const docPageSchema = z.object({
  /** Last segment of the canonical path: `error-1020`, `error-502-504`. Stable: evals and links use it. */
  id: z.string().regex(/^[a-z0-9][a-z0-9-]*$/, 'page id must be a lowercase slug'),
  title: z.string().min(1),
  description: z.string(),
  /** Canonical path from the BreadcrumbList JSON-LD, e.g. `/support/troubleshooting/…/error-1020/`. */
  path: z.string().startsWith('/'),
  url: z.string().url(),
  /** Names of the breadcrumb trail, e.g. ["Support", "Troubleshooting", "HTTP Status Codes", …]. */
  breadcrumbs: z.array(z.string()),
  /** Cleaned Markdown of the whole page (site chrome and JSON-LD removed). */
  body: z.string(),
  /** Text before the first `##`, below the `#` title. */
  intro: z.string(),
  sections: z.array(sectionSchema),
});
export type DocPage = z.infer<typeof docPageSchema>;

/** Post-mortems (RSS) and blog text: secondary knowledge that never outranks a docs page for an error code. */
export const secondaryDocSchema = z.object({
  id: z.string().min(1),
  kind: z.enum(['postmortem', 'blog']),
  title: z.string().min(1),
  url: z.string().url().optional(),
  published: z.string().optional(),
  summary: z.string(),
  text: z.string(),
});
export type SecondaryDoc = z.infer<typeof secondaryDocSchema>;

/** Which pages answer which error codes. A code may map to several pages (1002 has two meanings). */
export const codeEntrySchema = z.object({
  code: z.string().regex(/^\d{3,5}$/),
  pages: z.array(z.string()).min(1),
});
export type CodeEntry = z.infer<typeof codeEntrySchema>;

export type KnowledgeBase = {
  pages: DocPage[];
  secondary: SecondaryDoc[];
  /** code -> page ids, most specific first. */
  codes: Map<string, string[]>;
  pageById: Map<string, DocPage>;
  /** Where each source file came from, for `kb stats`. */
  sources: { file: string; kind: 'docs' | 'rss' | 'blog'; records: number }[];
};

export const DOCS_ORIGIN = 'https://developers.cloudflare.com';

export function sectionUrl(page: DocPage, anchor?: string): string {
  return anchor ? `${page.url}#${anchor}` : page.url;
}
