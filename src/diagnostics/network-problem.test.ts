import { describe, expect, it } from 'vitest';
import { DeadlineExceededError } from './deadline.ts';
import { classifyNetworkError } from './network-problem.ts';

const failure = (code: string, message = code) => Object.assign(new Error(message), { code });

describe('classifyNetworkError', () => {
  it.each([
    [failure('ECONNREFUSED'), 'connection-refused'],
    [failure('UND_ERR_CONNECT_TIMEOUT'), 'timeout'],
    [failure('UND_ERR_HEADERS_TIMEOUT'), 'timeout'],
    [new DeadlineExceededError(5000), 'timeout'],
    [failure('ENOTFOUND'), 'dns-failed'],
    [failure('UND_ERR_HEADERS_OVERFLOW'), 'too-large'],
    [failure('CERT_HAS_EXPIRED', 'certificate has expired'), 'tls-error'],
    [failure('ERR_TLS_CERT_ALTNAME_INVALID', "Hostname/IP does not match certificate's altnames"), 'tls-error'],
    [failure('ERR_SSL_WRONG_VERSION_NUMBER'), 'tls-error'],
    [failure('ECONNRESET'), 'network-error'],
    [new Error('something odd'), 'network-error'],
  ])('%s -> %s', (error, problem) => {
    expect(classifyNetworkError(error).problem).toBe(problem);
  });

  it('looks through wrapped errors for the cause', () => {
    const wrapped = new TypeError('fetch failed', { cause: failure('ECONNREFUSED') });
    expect(classifyNetworkError(wrapped).problem).toBe('connection-refused');
  });

  it('keeps the TLS reason for the message', () => {
    expect(classifyNetworkError(failure('CERT_HAS_EXPIRED', 'certificate has expired')).detail).toBe('certificate has expired (CERT_HAS_EXPIRED)');
  });
});
