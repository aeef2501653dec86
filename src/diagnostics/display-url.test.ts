import { describe, expect, it } from 'vitest';
import { labelHost, withoutCredentials } from './display-url.ts';

describe('URLs shown in labels carry no credentials', () => {
  it('drops user:password@, also when the password holds @ or the URL does not parse', () => {
    expect(withoutCredentials('ftp://deploy:p@ss@ftp.example.com/public_html')).toBe('ftp://ftp.example.com/public_html');
    expect(labelHost('https://admin:hunter2@origin.example.com:8443/login')).toBe('origin.example.com:8443');
    expect(labelHost('https://admin:hunter2@origin.example.com:99999/x')).toBe('https://origin.example.com:99999/x');
    expect(labelHost('https://ghp_abc123@github.com/acme/site.git')).toBe('github.com');
  });

  it('leaves URLs without credentials alone', () => {
    expect(withoutCredentials('https://example.com/a@b')).toBe('https://example.com/a@b');
    expect(labelHost('https://example.com/path?q=1')).toBe('example.com');
  });
});
