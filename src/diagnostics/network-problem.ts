import { DeadlineExceededError } from './deadline.ts';
import type { UrlCheckProblem } from './url-check-schema.ts';

/**
 * Maps what Node and undici throw to the few problems a user can act on.
 * Errors are matched by their `code`, looking through `cause` chains,
 * because undici and Node wrap each other's errors.
 */

export type NetworkProblem = { problem: Exclude<UrlCheckProblem, 'invalid-url' | 'blocked-address'>; detail: string };

const TIMEOUT_CODES = new Set(['UND_ERR_CONNECT_TIMEOUT', 'UND_ERR_HEADERS_TIMEOUT', 'UND_ERR_BODY_TIMEOUT', 'ETIMEDOUT']);
const DNS_CODES = new Set(['ENOTFOUND', 'EAI_AGAIN', 'EAI_FAIL', 'EAI_NODATA', 'ENODATA', 'ESERVFAIL']);
const TOO_LARGE_CODES = new Set(['UND_ERR_HEADERS_OVERFLOW', 'HPE_HEADER_OVERFLOW']);
const TLS_CODES = new Set([
  'EPROTO',
  'DEPTH_ZERO_SELF_SIGNED_CERT',
  'SELF_SIGNED_CERT_IN_CHAIN',
  'UNABLE_TO_VERIFY_LEAF_SIGNATURE',
  'UNABLE_TO_GET_ISSUER_CERT_LOCALLY',
  'CERT_HAS_EXPIRED',
  'CERT_NOT_YET_VALID',
  'ERR_TLS_CERT_ALTNAME_INVALID',
]);

function isTlsCode(code: string): boolean {
  return TLS_CODES.has(code) || code.startsWith('ERR_TLS_') || code.startsWith('ERR_SSL_') || code.includes('CERT');
}

function errorChain(error: unknown): unknown[] {
  const chain: unknown[] = [];
  for (let current = error; current !== undefined && current !== null && chain.length < 5; ) {
    chain.push(current);
    current = (current as { cause?: unknown }).cause;
  }
  return chain;
}

function codeOf(error: unknown): string | undefined {
  const code = (error as { code?: unknown }).code;
  return typeof code === 'string' ? code : undefined;
}

function detailOf(error: unknown, code: string): string {
  const message = error instanceof Error ? error.message : '';
  return message && !message.includes(code) ? `${message} (${code})` : message || code;
}

export function classifyNetworkError(error: unknown): NetworkProblem {
  for (const link of errorChain(error)) {
    if (link instanceof DeadlineExceededError) return { problem: 'timeout', detail: link.message };
    const code = codeOf(link);
    if (!code) continue;
    if (TIMEOUT_CODES.has(code)) return { problem: 'timeout', detail: code };
    if (code === 'ECONNREFUSED') return { problem: 'connection-refused', detail: code };
    if (DNS_CODES.has(code)) return { problem: 'dns-failed', detail: code };
    if (TOO_LARGE_CODES.has(code)) return { problem: 'too-large', detail: code };
    if (isTlsCode(code)) return { problem: 'tls-error', detail: detailOf(link, code) };
    return { problem: 'network-error', detail: detailOf(link, code) };
  }
  return { problem: 'network-error', detail: error instanceof Error ? error.message : String(error) };
}
