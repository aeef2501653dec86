/** Longest message the engine accepts: far beyond any question, enough for a pasted log or trace. */
export const MAX_INPUT_CHARS = 8000;

export type NormalizedInput =
  | { ok: true; text: string; truncated: boolean }
  | { ok: false; reason: 'empty'; message: string };

export const EMPTY_INPUT_MESSAGE =
  "I didn't find any text in that message. Tell me what's going wrong, for example the error code you see (like 522) or the URL that fails.";

// Control characters break terminals, JSON logs and platform renderers; tab and newline carry meaning in pasted logs.
const CONTROL_CHARACTERS = /(?![\t\n])\p{Cc}/gu;
// Lone UTF-16 surrogates cannot be encoded as UTF-8, so sqlite and the platform APIs would mangle or reject them.
const LONE_SURROGATES = /[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/g;
// Whitespace plus invisible format characters (zero-width space, BOM): a message of only these says nothing.
const NOTHING_VISIBLE = /^[\s\p{Cf}]*$/u;

/**
 * Cleans raw user text before anything else sees it. Never throws: whatever a platform hands
 * over, the engine gets either usable text or a message to show the user.
 */
export function normalizeInput(raw: string, { maxChars = MAX_INPUT_CHARS }: { maxChars?: number } = {}): NormalizedInput {
  // The type says string, but a door's payload is untrusted JSON; anything else counts as no text.
  const text = (typeof raw === 'string' ? raw : '')
    .replace(LONE_SURROGATES, '\uFFFD')
    .replace(/\r\n?/g, '\n')
    .replace(CONTROL_CHARACTERS, '')
    .normalize('NFC')
    // Leading blank lines and trailing whitespace carry nothing; leading spaces may be code indentation.
    .replace(/^(?:[ \t]*\n)+/, '')
    .trimEnd();

  if (NOTHING_VISIBLE.test(text)) return { ok: false, reason: 'empty', message: EMPTY_INPUT_MESSAGE };
  if (text.length <= maxChars) return { ok: true, text, truncated: false };
  return { ok: true, text: truncateAtBoundary(text, maxChars), truncated: true };
}

/**
 * Cuts at the last line break that keeps at least half the allowance, else the last space, so a
 * pasted log loses whole lines rather than ending mid-token. Never splits a surrogate pair.
 */
function truncateAtBoundary(text: string, maxChars: number): string {
  const head = text.slice(0, maxChars);
  const minimum = Math.floor(maxChars / 2);
  const lineBreak = head.lastIndexOf('\n');
  if (lineBreak >= minimum) return head.slice(0, lineBreak).trimEnd();
  const space = head.search(/\s\S*$/);
  if (space >= minimum) return head.slice(0, space).trimEnd();
  const last = head.charCodeAt(head.length - 1);
  return last >= 0xd800 && last <= 0xdbff ? head.slice(0, -1) : head;
}
