/**
 * A visitor's own IP address never leaves the turn it was pasted in: not the
 * transcript, the case summary, its "First message" quote, a hand-off or the
 * stored record. Summaries are posted in public channels and read by people
 * who do not need it; support (or a site owner) can ask for it, and a visitor
 * adds it themselves if they choose. Only the places that name the *reader's*
 * IP are cut: a trace's `ip=` line, an error page's "Your IP:", and "my IP is
 * …". An origin server's address someone quotes is troubleshooting evidence
 * and stays.
 */

export const IP_REMOVED = '[IP removed]';

const IPV4 = String.raw`\d{1,3}(?:\.\d{1,3}){3}`;
const IPV6 = String.raw`[0-9a-f]{0,4}(?::[0-9a-f]{0,4}){2,7}`;
const ADDRESS = `(?:${IPV4}|${IPV6})`;

const RULES: readonly { re: RegExp; to: string }[] = [
  // cdn-cgi/trace: "ip=203.0.113.7" on its own line or inside a one-line paste.
  { re: new RegExp(String.raw`(?<![\w.-])ip=\s*${ADDRESS}(?![\w:.])`, 'gi'), to: `ip=${IP_REMOVED}` },
  // Cloudflare error pages: "Your IP: 198.51.100.23" or "Your IP: Click to reveal 198.51.100.23".
  { re: new RegExp(String.raw`\b(your\s+ip(?:\s+address)?\s*:?\s*)(?:click\s+to\s+reveal\s*)?${ADDRESS}(?![\w:.])`, 'gi'), to: `$1${IP_REMOVED}` },
  // "my IP is 203.0.113.7", "my public ip address: …" (not "my origin IP is …": that is the server's).
  { re: new RegExp(String.raw`\b((?:my|our)\s+(?:own\s+|public\s+|home\s+|current\s+)?ip(?:\s+address)?(?:\s+is|\s*[:=])?\s*)${ADDRESS}(?![\w:.])`, 'gi'), to: `$1${IP_REMOVED}` },
];

export function withoutVisitorIps(text: string): string {
  return RULES.reduce((out, rule) => out.replace(rule.re, rule.to), text);
}
