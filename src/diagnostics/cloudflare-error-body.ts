/**
 * Recognises a page Cloudflare drew (its 5xx/1xxx error templates and its
 * challenge pages) in raw HTML, and the error code printed on it. That is
 * the difference between "Cloudflare could not reach your server" and
 * "your server answered with an error".
 */

export type CloudflareErrorBody = { branded: boolean; errorCode?: string };

/** Class names, stylesheet and phrases that appear only in Cloudflare's own templates. */
const TEMPLATE_MARKERS = [
  /\bcf-error-details\b/i,
  /\bcf-wrapper\b/i,
  /\bcf-error-code\b/i,
  /\/cdn-cgi\/styles\/(?:cf\.errors|main)\.css/i,
  /performance\s*(?:&amp;|&|and)\s*security\s+by\s*(?:<[^>]*>\s*)*cloudflare/i,
  /\/cdn-cgi\/challenge-platform\//i,
];

/** Either word alone is common on ordinary sites; together they are the footer of an error page. */
const RAY_ID = /\bray\s+id\b/i;
const CLOUDFLARE = /\bcloudflare\b/i;

const CODE_PATTERNS = [
  /class="[^"]*\berror-code\b[^"]*"[^>]*>\s*(\d{3,5})\s*</i,
  /\berror\s+code:?\s*(\d{3,5})\b/i,
  /<title>[^<]*\|\s*(\d{3,5})\s*:/i,
  /\berror\s+(1\d{3})\b/i,
];

export function readCloudflareErrorBody(html: string): CloudflareErrorBody {
  const branded = TEMPLATE_MARKERS.some((re) => re.test(html)) || (RAY_ID.test(html) && CLOUDFLARE.test(html));
  if (!branded) return { branded };
  for (const re of CODE_PATTERNS) {
    const code = re.exec(html)?.[1];
    if (code) return { branded, errorCode: code };
  }
  return { branded };
}
