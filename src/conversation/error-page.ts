import { decodeHTML } from 'entities';
import { z } from 'zod';
import { reason, reasonSchema } from '../knowledge/reason.ts';
import { extractRayIds } from '../retrieval/analyze-query.ts';

/**
 * Reads a pasted error page (its visible text or its HTML) and answers the
 * first question of most 5xx/1xxx trees: did Cloudflare draw this page, or
 * did the origin? A Cloudflare page means Cloudflare answered; a bare
 * "502 Bad Gateway / nginx" page means the origin (or something behind
 * Cloudflare) did.
 */

export const errorPageReadingSchema = z.object({
  branded: z.boolean(),
  code: z.string().regex(/^\d{3,5}$/).optional(),
  rayId: z.string().optional(),
  /** Only when the Ray ID carries its data-center suffix ("…-SJC"). */
  colo: z.string().regex(/^[A-Z]{3}$/).optional(),
  because: reasonSchema,
});
export type ErrorPageReading = z.infer<typeof errorPageReadingSchema>;

type Marker = { label: string; re: RegExp };

/**
 * Parts of Cloudflare's own error templates (5xx, 1xxx and the older
 * layout). Headings count only on a line of their own, so a question that
 * merely ends with "What can I do?" is not mistaken for a page.
 */
const CLOUDFLARE_MARKERS: Marker[] = [
  { label: 'a Cloudflare Ray ID', re: /\b(?:cloudflare\s+)?ray\s+id\s*:/i },
  { label: '"Performance & security by Cloudflare"', re: /performance\s*(?:&|and)\s*security\s+by\s+cloudflare/i },
  { label: '"cloudflare-nginx"', re: /cloudflare-nginx/i },
  { label: 'the "What happened?" heading', re: /^\s*what happened\?\s*$/im },
  { label: 'the "What can I do?" heading', re: /^\s*what can i do\?\s*$/im },
  { label: 'an "Error code" line', re: /\berror\s+code:?\s*\d{3,5}\b/i },
  { label: 'an "Error <code>" line', re: /^\s*error\s+\d{3,5}\b/im },
  { label: '"Visit cloudflare.com for more information"', re: /visit\s+cloudflare\.com\s+for\s+more\s+information/i },
  { label: 'the Browser / Cloudflare / Host status diagram', re: /^\s*(?:cloudflare|host)\s*$[\s\S]{0,80}^\s*(?:working|error)\s*$/im },
  { label: '"Why have I been blocked?"', re: /why have i been blocked\?/i },
  { label: '"This website is using a security service"', re: /this website is using a security service/i },
  { label: 'the "Your IP" line', re: /\byour ip\s*:\s*(?:click to reveal|\[ip removed\]|[0-9a-f.:]{3,})/i },
];

/** Origin and proxy software that signs its own default error pages. */
const ORIGIN_SERVERS = ['nginx', 'apache', 'openresty', 'litespeed', 'microsoft-iis', 'caddy', 'envoy', 'haproxy', 'varnish'];
const SERVER_LINE = new RegExp(`^\\s*(${ORIGIN_SERVERS.join('|')})(?:\\/[\\w.]+)?(?:\\s*\\([^)]*\\))?\\s*$`, 'im');
const STATUS_LINE = /^\s*(5\d{2}|4\d{2})\s+(?:bad gateway|service (?:temporarily )?unavailable|gateway time-?out|internal server error|forbidden|not found|too many requests)\s*$/im;

function looksLikeHtml(text: string): boolean {
  return /<(?:html|head|body|title|div|h1|center|span|p)\b[^>]*>/i.test(text);
}

/** Visible text of an HTML page, one block per line, so line-anchored markers work on both forms. */
function visibleText(text: string): string {
  if (!looksLikeHtml(text)) return text;
  const withoutTags = text
    .replace(/<(script|style)\b[\s\S]*?<\/\1>/gi, ' ')
    .replace(/<\/?(?:br|p|div|h\d|li|tr|td|title|center|section|header|footer|span|strong|hr)\b[^>]*>/gi, '\n')
    .replace(/<[^>]+>/g, ' ');
  return decodeHTML(withoutTags)
    // A decoded &nbsp; is a space like any other for the line-anchored markers.
    .replace(/[ \t\u00a0]+/g, ' ')
    .replace(/\n\s*\n+/g, '\n');
}

function nonBlankLines(text: string): number {
  return text.split(/\r?\n/).filter((l) => l.trim() !== '').length;
}

function pageCode(text: string): string | undefined {
  const m =
    /\berror\s+code:?\s*(\d{3,5})\b/i.exec(text) ??
    /^\s*error\s+(\d{3,5})\b/im.exec(text) ??
    /\|\s*(\d{3,5})\s*:/.exec(text); // "<title>example.com | 522: Connection timed out"
  return m?.[1];
}

function pageRayId(text: string): { rayId?: string; colo?: string } {
  const labelled = /ray\s+id\s*:?\s*([0-9a-f]{16})(?:-([a-z]{3}))?\b/i.exec(text);
  const rayId = labelled?.[1]
    ? labelled[2] ? `${labelled[1].toLowerCase()}-${labelled[2].toUpperCase()}` : labelled[1].toLowerCase()
    : extractRayIds(text)[0];
  const colo = rayId?.match(/-([A-Z]{3})$/)?.[1];
  return { ...(rayId ? { rayId } : {}), ...(colo ? { colo } : {}) };
}

function readBrandedPage(text: string, multiLine: boolean): ErrorPageReading | undefined {
  const hits = CLOUDFLARE_MARKERS.filter((m) => m.re.test(text));
  // Two template parts on separate lines, or three in any layout, is a page; one is just someone talking about one.
  if (hits.length < 2 || (hits.length < 3 && !multiLine)) return undefined;
  if (!/cloudflare|ray\s+id/i.test(text)) return undefined;
  const code = pageCode(text);
  const evidence = hits.slice(0, 2).map((h) => h.label).join(' and ');
  return {
    branded: true,
    ...(code ? { code } : {}),
    ...pageRayId(text),
    because: reason('page', 'becauseBrandedPage', { markers: evidence }),
  };
}

function readOriginPage(text: string): ErrorPageReading | undefined {
  const status = STATUS_LINE.exec(text);
  const server = SERVER_LINE.exec(text);
  if (!status?.[1] || !server?.[1]) return undefined;
  if (/cloudflare|ray\s+id/i.test(text)) return undefined;
  return {
    branded: false,
    code: status[1],
    because: reason('page', 'becauseUnbrandedPage', { server: server[1].toLowerCase() }),
  };
}

export function readErrorPage(pasted: string): ErrorPageReading | undefined {
  const html = looksLikeHtml(pasted);
  const text = visibleText(pasted);
  const multiLine = html || nonBlankLines(text) >= 3;
  // The origin page's status and server patterns are whole lines, so they need no separate shape check.
  return readBrandedPage(text, multiLine) ?? readOriginPage(text);
}
