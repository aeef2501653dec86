import GithubSlugger from 'github-slugger';

/**
 * The docs site builds heading ids with github-slugger over the heading's
 * plain text (code ticks and link markup removed), so we do the same to
 * deep-link into a section: "502/504 from Cloudflare" -> "502504-from-cloudflare".
 */
export function headingPlainText(markdownHeading: string): string {
  return markdownHeading
    .replace(/\[([^\]]*)\]\([^)]*\)/g, '$1')
    .replace(/[`*_]/g, '')
    .replace(/\s+↗/g, '')
    .trim();
}

/** One slugger per page: repeated headings get -1, -2 suffixes like the site. */
export function createAnchorMaker(): (heading: string) => string {
  const slugger = new GithubSlugger();
  return (heading) => slugger.slug(headingPlainText(heading));
}
