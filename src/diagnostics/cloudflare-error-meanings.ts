/**
 * One clause per Cloudflare error code: what the code means for the person
 * who owns the site. Used to finish the URL check's sentence; the docs
 * pages behind each code are what the conversation engine cites.
 */
const MEANINGS: Record<string, string> = {
  '520': 'the origin returned an empty or unexpected response to Cloudflare',
  '521': "the origin refused Cloudflare's connection (the web server is down or blocks Cloudflare's IPs)",
  '522': 'Cloudflare could not reach the origin in time',
  '523': 'Cloudflare could not find a route to the origin (check the DNS record for the origin)',
  '524': 'the origin accepted the connection but took too long to respond',
  '525': 'the TLS handshake between Cloudflare and the origin failed',
  '526': "the origin's TLS certificate is not valid for the Full (strict) encryption mode",
  '530': 'Cloudflare could not serve the site; the 1xxx error on the page says why',
  '1001': 'the hostname does not resolve on Cloudflare (DNS resolution error)',
  '1003': 'the site was requested by IP address, which Cloudflare does not allow',
  '1006': 'the site owner has banned the visitor IP address',
  '1007': 'the site owner has banned the visitor IP address',
  '1008': 'the site owner has banned the visitor IP address',
  '1009': "the site owner has blocked the visitor's country or region",
  '1010': "the site owner blocked the visitor's browser signature",
  '1012': 'access was denied by the site owner',
  '1015': 'the visitor is being rate limited',
  '1016': 'Cloudflare could not resolve the origin hostname (origin DNS error)',
  '1020': 'a security rule on the site blocked the request',
  '1033': 'the Cloudflare Tunnel for this hostname is not connected',
  '1101': 'the Worker on this route threw an exception',
  '1102': 'the Worker on this route exceeded its resource limits',
};

export function cloudflareErrorMeaning(code: string | undefined): string | undefined {
  return code ? MEANINGS[code] : undefined;
}
