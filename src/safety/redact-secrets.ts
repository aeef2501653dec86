/**
 * Removes credentials people paste into support chats before the text is stored, logged or
 * searched. Over-redacting a long token-shaped string is cheap; leaking a key is not. What must
 * survive is the troubleshooting evidence: Ray IDs, IPs, plain URLs, error codes, trace output,
 * and references to where a secret lives (`env.API_KEY`, `${{ secrets.X }}`).
 *
 * Every rule scans the original text; the spans they find are merged (overlaps join, the
 * earliest rule names the kind) and each merged span becomes `[redacted kind]`.
 */
import { RULES, type SecretKind, type Span } from './redact-rules.ts';

export type { SecretKind } from './redact-rules.ts';

export type RedactionResult = {
  text: string;
  /** Each kind found, once, in rule order. Empty when nothing was redacted. */
  found: SecretKind[];
};

type Ranked = Span & { rank: number };

function mergedSpans(text: string): Ranked[] {
  const spans: Ranked[] = [];
  RULES.forEach((rule, rank) => {
    for (const span of rule.find(text)) spans.push({ ...span, rank });
  });
  spans.sort((a, b) => a.start - b.start || a.rank - b.rank);
  const merged: Ranked[] = [];
  for (const span of spans) {
    const last = merged.at(-1);
    if (last && span.start < last.end) {
      last.end = Math.max(last.end, span.end);
      if (span.rank < last.rank) Object.assign(last, { rank: span.rank, kind: span.kind });
    } else {
      merged.push({ ...span });
    }
  }
  return merged;
}

export function redactSecrets(text: string): RedactionResult {
  const spans = mergedSpans(text);
  if (spans.length === 0) return { text, found: [] };
  let out = '';
  let at = 0;
  for (const span of spans) {
    out += `${text.slice(at, span.start)}[redacted ${span.kind}]`;
    at = span.end;
  }
  out += text.slice(at);
  const found = [...new Map([...spans].sort((a, b) => a.rank - b.rank).map((s) => [s.kind, s.kind])).keys()];
  return { text: out, found };
}
