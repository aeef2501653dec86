import { describe, expect, it } from 'vitest';
import { isExpired } from './expiry.ts';

describe('isExpired', () => {
  const ttlMs = 30 * 60_000;
  const record = { updatedAt: '2025-01-01T10:00:00.000Z' };

  it('keeps a conversation updated within the TTL', () => {
    expect(isExpired(record, new Date('2025-01-01T10:30:00.000Z'), ttlMs)).toBe(false);
  });

  it('expires a conversation idle for longer than the TTL', () => {
    expect(isExpired(record, new Date('2025-01-01T10:30:00.001Z'), ttlMs)).toBe(true);
  });

  it('treats an unreadable timestamp as expired', () => {
    expect(isExpired({ updatedAt: 'yesterday' }, new Date('2025-01-01T10:00:00.000Z'), ttlMs)).toBe(true);
  });
});
