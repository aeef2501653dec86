import { capLongTokens } from './tokenize.ts';

/**
 * Reads what a message says about the problem before any search: error codes,
 * Ray IDs, URLs and hostnames, and whether the writer is a visitor or the site
 * owner. Deterministic and cheap; everything downstream trusts it.
 */

import { deniesOwning, saysVisitor } from './visitor-wording.ts';

export type Audience = 'visitor' | 'owner' | 'unknown';

export type QueryAnalysis = {
  /** Error codes in order of appearance, deduplicated. */
  codes: string[];
  /** Codes stated explicitly ("error 522", "HTTP 502"), as opposed to a bare number. */
  explicitCodes: string[];
  /** Numbers stated as an error code that no page of the knowledge has ("Error code: 600010", a Turnstile code). */
  unknownCodes: string[];
  rayIds: string[];
  urls: string[];
  hostnames: string[];
  audience: Audience;
};

/** Anything that looks like a number but is not an error code is blanked out before codes are read. */
const NOT_CODES: RegExp[] = [
  /\bhttps?:\/\/\S+/gi, // URLs (paths and ports inside them)
  /\b[0-9a-f]{16}(?:-[a-z]{3})?\b/gi, // Ray IDs
  /\b\d{1,3}(?:\.\d{1,3}){3}(?::\d+)?\b/g, // IPv4, with optional port
  /\b[0-9a-f]{0,4}(?::[0-9a-f]{0,4}){2,7}\b/gi, // IPv6
  /\b\d{4}-\d{1,2}-\d{1,2}(?:[t ]\d{1,2}:\d{2}(?::\d{2})?(?:\.\d+)?z?)?\b/gi, // ISO dates/times
  /\b\d{1,2}[/.-]\d{1,2}[/.-]\d{2,4}\b/g, // 12/05/2024
  /\b\d{1,2}:\d{2}(?::\d{2})?\b/g, // times
  /(?<!(?:code|error|err|status)"?\s*):\d{2,5}\b/gi, // ports, but not a page script's "errorCode:1015" or "status:522"
  /\b\d+(?:[.,]\d+)?\s?(?:[kmgt]i?b|bytes?|ms|milliseconds?|secs?|seconds?|mins?|minutes?|h|hrs?|hours?|days?|weeks?|months?|years?|%|percent|x|rps|rpm|qps|mbps|gbps|k|m)\b/gi, // sizes, durations, rates
  /\b(?:v|version\s*)\d+(?:\.\d+)*\b/gi, // versions
  /\b\d+(?:\.\d+)+\b/g, // dotted numbers
  /\b(?:19|20)\d{2}\b(?=\s*(?:[,.)]|$|\s(?:and|to|or|until|since)\b))/g, // years at a phrase end
  /(?:\$|€|£)\s?\d+(?:[.,]\d+)?/g, // prices
  /#\d+/g, // ticket / issue numbers
];

/** A number followed by one of these counts things: "200 users", "500 requests" (but "the 404 page" is an error page). */
const COUNT_NOUNS = /^[ \t]*(?:users?|visitors?|people|customers?|members?|requests?|reqs?|hits?|visits?|sites?|websites?|domains?|zones?|records?|rules?|times?|errors?\s+(?:per|a|an|every)|connections?|workers?|servers?|lines?|items?|files?|images?|rows?|accounts?|emails?|ips?|addresses|ms|dollars?|usd|euros?|words?|characters?|chars?|points?|tickets?|keys?|entries|objects?|results?|bytes?|pages|posts?|messages?|products?|orders?|downloads?)\b/i;

/** Words that make the number after them an explicit code: "error 1020", "HTTP 522", "cf error code 1015". */
const CODE_CUE = /(?:\b(?:err(?:or)?|eror|erorr|errror|erro)s?|\bcode|\bhttp(?:\/\s*(?:[123](?:\.[01])?\s+)?)?|\bstatus|\bresponse|\bget(?:s|ting)?|\bgot|\bgives?|\bgiving|\bshows?|\bshowing|\bsee(?:ing)?|\breturns?|\breturning|\bhit(?:ting)?|\bthrows?|\bthrowing|\bwith)\s*(?:(?:a|an|the|its|their|our|my|your|own|same|cloudflare'?s|branded|generic|plain|custom|default)\s+){0,3}(?:code\s*)?[:#=-]?\s*$/i;

/**
 * Error numbers of other software that happen to look like ours: "os error 10054"
 * (a Windows socket error), "errno 111", "exit code 1020", .NET's "ConnectionRefused 1006"
 * and "SocketException 10061". Never a Cloudflare code.
 */
const FOREIGN_ERROR_CUE = /(?:\bclose[sd]?\b[^.\n]{0,30}?\bcode|\bos|\bsocket\w*|\bwinerror|\bwsa\w*|\berrno|\bexit|\bcurl|\bsqlstate(?:\[\w+\])?(?:[^\n.]{0,30}?\berror)?|\bmysql|\bmariadb|\bpostgres|\bora|\bjava|\bpython|\bconnection(?:refused|reset|aborted)|\beconn\w+|\bhostunreachable|\bnetworkunreachable|\btimedout)\s*(?:error|code|status)?\s*[:#=(-]?\s*$/i;

/**
 * MySQL and MariaDB print "ERROR 1040 (HY000): Too many connections": a SQLSTATE after the number is theirs, not ours.
 * A WebSocket close code comes with `wasClean` ("code: 1006, wasClean: false"), and after "closed with code".
 * A Python exception's (errno, message) pair is the library's: `(1045, "Access denied for user …")`.
 */
const FOREIGN_ERROR_AFTER = /^\s*\((?:HY|[0-9]{2})[0-9A-Z]{3}\)|^\W{0,3}wasclean|^\s*,\s*["'](?=[^"'\n]{3})/i;

/** A status line's reason phrase after the number makes it a code: "403 Forbidden", "522 Connection timed out". */
const REASON_AFTER = /^\s*(?:continue|switching protocols|ok\b|created|accepted|no content|partial content|moved permanently|found|see other|not modified|temporary redirect|permanent redirect|redirects?|bad request|unauthorized|forbidden|not found|method not allowed|not acceptable|request time-?out|conflict|gone|payload too large|request entity too large|request-?\s?uri too (?:long|large)|uri too long|request header fields too large|too many requests|internal server error|not implemented|bad gateway|service (?:temporarily )?unavailable|gateway time-?out|web server is|connection timed out|origin is unreachable|a timeout occurred|ssl handshake failed|invalid ssl certificate|access denied)\b/i;

/** The end of "Field name:" or "field=" right before a number (a log line's or a config's field). */
const LABELLED_VALUE = /\b[a-z][\w-]*\s*[:=]\s*$/i;

/** Whether another program's error cue claims this number ("os error 10054", "ERROR 1040 (HY000)"). */
function isForeign(masked: string, m: RegExpMatchArray & { index: number }): boolean {
  return FOREIGN_ERROR_CUE.test(masked.slice(Math.max(0, m.index - 48), m.index)) || FOREIGN_ERROR_AFTER.test(masked.slice(m.index + m[0].length));
}

/** Codes this bot may name even without a cue word; others need a cue ("error 200"). */
function isPlausibleCode(n: number): boolean {
  return (n >= 100 && n <= 599) || (n >= 1000 && n <= 1299) || (n >= 10000 && n <= 10999);
}

export function extractCodes(text: string, knownCodes?: ReadonlySet<string>): { codes: string[]; explicitCodes: string[] } {
  let masked = text;
  for (const re of NOT_CODES) masked = masked.replace(re, (m) => ' '.repeat(m.length));
  const codes: string[] = [];
  const explicit: string[] = [];
  // "err1020", "error1020", "1020error" are glued forms of a cue.
  // "520s" is a plural of the code ("getting random 520s"); "500s"/"1000s" are as often hundreds or thousands (see below).
  const numberRe = /(?<![\d.,$€£])(?:(?<=\b(?:err|error|e|http|code))|\b)(\d{3,5})(?![\d.,]\d)(?:(?=error\b)|\b|(?=s\b))/gi;
  // A number the message uses as a count ("1200 requests per 300 seconds") is that count wherever
  // else it appears bare ("is 1200 a per-zone limit?"); only a cue makes it a code there.
  // Only plain counts qualify: a plural noun after it ("1200 requests", not "the 404 page") and not a path ("/404").
  const isCount = (m: RegExpMatchArray & { index: number }) => masked[m.index - 1] !== '/' && COUNT_NOUNS.test(masked.slice(m.index + m[0].length)) && /^[ \t]*[a-z]+s\b/i.test(masked.slice(m.index + m[0].length));
  const numbers = [...masked.matchAll(numberRe)];
  const counts = new Set(numbers.filter(isCount).map((m) => m[1]));
  // Likewise a number another program's error cue claims ("ConnectionRefused 1006: …") is that
  // program's where it appears again bare ("what is that 1006?").
  const foreign = new Set(numbers.filter((m) => isForeign(masked, m)).map((m) => m[1]));
  for (const m of numbers) {
    const code = m[1];
    if (!code) continue;
    const n = Number(code);
    // Wide enough for a cue a few words back ("see Cloudflare's branded 504"); every test on it is anchored at its end.
    const before = masked.slice(Math.max(0, m.index - 48), m.index);
    const after = masked.slice(m.index + m[0].length);
    if (isForeign(masked, m)) continue;
    // An errno and its message in a log line: nginx's "connect() failed (111: Connection refused)", "(101: Network is unreachable)".
    if (/\(\s*$/.test(before) && /^\s*:\s/.test(after)) continue;
    const plural = /^s\b/.test(after);
    const cued = CODE_CUE.test(before) || /^s?\s*(?:error|err)\b/i.test(after) || /^\s*[:\-–]\s*[a-z]/i.test(after) || REASON_AFTER.test(after);
    // A round plural ("100s of users", "1000s of requests") counts hundreds or thousands unless a cue says otherwise.
    if (plural && !cued && n % 100 === 0) continue;
    // "Error code 522" stays a code even when the next word looks like a count ("522 visits").
    // A reason phrase is no count either: "414 Request-URI Too Large", "408 Request Timeout".
    if (COUNT_NOUNS.test(after) && !REASON_AFTER.test(after) && !/\b(?:err(?:or)?|code|http|status)\s*[:#-]?\s*$/i.test(before)) continue;
    if (!isPlausibleCode(n)) continue;
    // A log or config field's value is that field's ("Product Language: 1033", "port=1080"), unless the field is a cue ("Status: 522").
    if (!cued && LABELLED_VALUE.test(before)) continue;
    const known = knownCodes ? knownCodes.has(code) : true;
    // A bare number must be a code the knowledge knows; a cued one must at least be plausible.
    if (!cued && !known) continue;
    if (!cued && (counts.has(code) || foreign.has(code))) continue;
    // Plain 1xx-3xx numbers are usually counts ("100 pages"), so they need a cue.
    if (!cued && n < 400) continue;
    if (!codes.includes(code)) codes.push(code);
    if (cued && !explicit.includes(code)) explicit.push(code);
  }
  return { codes, explicitCodes: explicit };
}

/**
 * A code stated as such, in any of the languages we read: "Error code: 600010", "Código de erro:
 * 600010", "error 10039", "ERROR-68058", an API body's `"code":10010`, "错误码 1068", "1068 是什么错误",
 * and a quoted message that opens with its number ("1068 Permission denied").
 */
const STATED_CODE = new RegExp(
  [
    String.raw`\b(?:error|erro|erreur|fehler|ошибк\w*)?\s*(?:code|código|codigo|код)"?\s*(?:de\s+erro|d'erreur|ошибки)?\s*[:#=]?\s*(\d{3,7})\b`,
    String.raw`\berror\s*[:#-]?\s*(\d{3,7})\b`,
    String.raw`(?:错误|錯誤)(?:代码|代碼|码|碼)?\s*[:：]?\s*(\d{3,7})\b`,
    String.raw`\b(\d{3,7})\s*(?:是什么|是什麼)?(?:错误|錯誤)`,
    String.raw`["“„«'](\d{3,7})\s+\p{L}{3,}`,
  ].join('|'),
  'giu',
);

export function extractUnknownCodes(text: string, knownCodes: ReadonlySet<string>): string[] {
  const found = new Set<string>();
  for (const m of text.matchAll(STATED_CODE)) {
    const code = m.slice(1).find((group) => group !== undefined);
    if (code && !knownCodes.has(code) && !FOREIGN_ERROR_CUE.test(text.slice(Math.max(0, m.index - 12), m.index + 6))) found.add(code);
  }
  return [...found];
}

export function extractRayIds(text: string): string[] {
  const found = [...text.matchAll(/\b([0-9a-f]{16})(?:-([a-z]{3}))?\b/gi)]
    .filter((m) => /[0-9]/.test(m[1] ?? '') && /[a-f]/i.test(m[1] ?? '') || /ray/i.test(text))
    .map((m) => (m[2] ? `${m[1]?.toLowerCase()}-${m[2].toUpperCase()}` : (m[1] ?? '').toLowerCase()));
  return [...new Set(found)];
}

const FILE_EXTENSIONS = new Set(['php', 'html', 'htm', 'js', 'css', 'png', 'jpg', 'jpeg', 'gif', 'svg', 'webp', 'txt', 'json', 'xml', 'conf', 'log', 'yaml', 'yml', 'ts', 'md', 'py', 'sh', 'exe', 'zip', 'gz', 'har', 'pem', 'crt', 'key', 'ini', 'cfg', 'toml', 'lock', 'jsx', 'tsx', 'mp4', 'pdf', 'csv']);

export function extractUrls(text: string): string[] {
  return [...new Set([...text.matchAll(/\bhttps?:\/\/[^\s<>()"'`]+/gi)].map((m) => m[0].replace(/[.,;:!?]+$/, '')))];
}

export function extractHostnames(text: string): string[] {
  const hosts = new Set<string>();
  for (const url of extractUrls(text)) {
    try {
      hosts.add(new URL(url).hostname.toLowerCase());
    } catch {
      // a malformed URL is still text; its host is just not recorded
    }
  }
  const withoutUrls = text.replace(/\bhttps?:\/\/\S+/gi, ' ').replace(/\S+@\S+/g, ' ');
  for (const m of withoutUrls.matchAll(/\b((?:[a-z0-9](?:[a-z0-9-]{0,61}[a-z0-9])?\.)+([a-z]{2,24}))\b/gi)) {
    const host = (m[1] ?? '').toLowerCase();
    const tld = (m[2] ?? '').toLowerCase();
    if (FILE_EXTENSIONS.has(tld) || /^(e\.g|i\.e|etc)\b/.test(host)) continue;
    hosts.add(host);
  }
  return [...hosts];
}

const VISITOR_HINTS = /\b(?:i'?m (?:just )?a visitor|as a visitor|not (?:the|my) (?:site|website)|someone else'?s (?:site|website)|(?:a|this|the) website (?:i|I) (?:visit|use)|when i (?:visit|open|browse|go to)|trying to (?:access|visit|open|reach|get (?:in|into|to))|can'?t (?:access|open|visit|get (?:in|into)) (?:a|the|this|some)|(?:i|i'?ve|i have) (?:been|got|get|am) (?:blocked|banned)|how do i get in|let me in|unblock me|my ip (?:address )?(?:has been|is|was|got) (?:banned|blocked)|travell?ing|my browser|my isp|vpn)\b/i;
const OWNER_HINTS = /\b(?:my|our) (?:own )?(?:site|website|web ?site|server|origin|domain|zone|dns|app|api|nginx|apache|host(?:ing)?|worker|workers|tunnel|account|dashboard|ssl|certificate|cert|load balancer|wordpress|store|shop|blog|backend|page rule|firewall|waf)\b|\bi (?:own|run|manage|host)\b|\b(?:my|our) (?:customers|users|visitors)\b/i;

export function detectAudience(text: string): Audience {
  if (deniesOwning(text)) return 'visitor';
  const visitor = VISITOR_HINTS.test(text) || saysVisitor(text);
  const owner = OWNER_HINTS.test(text);
  if (visitor && !owner) return 'visitor';
  if (owner && !visitor) return 'owner';
  return 'unknown';
}

export function analyzeQuery(raw: string, knownCodes?: ReadonlySet<string>): QueryAnalysis {
  const text = capLongTokens(raw);
  const { codes, explicitCodes } = extractCodes(text, knownCodes);
  return {
    codes,
    explicitCodes,
    unknownCodes: knownCodes ? extractUnknownCodes(text, knownCodes).filter((c) => !codes.includes(c)) : [],
    rayIds: extractRayIds(text),
    urls: extractUrls(text),
    hostnames: extractHostnames(text),
    audience: detectAudience(text),
  };
}
