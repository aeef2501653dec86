/**
 * A URL as the bot may show it: without `user:password@`. Button labels and messages are
 * public, and a URL the user pasted may carry credentials even when it does not parse.
 */
export function withoutCredentials(url: string): string {
  return url.replace(/^([a-z][a-z0-9+.-]*:\/\/)[^/?#\s]*@/i, '$1');
}

/** What a "check this URL" label names: the host (no user info, no path), or the cleaned text when it does not parse. */
export function labelHost(url: string): string {
  try {
    return new URL(url).host;
  } catch {
    return withoutCredentials(url);
  }
}
