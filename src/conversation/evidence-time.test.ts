import { describe, expect, it } from 'vitest';
import { detectTime } from './evidence-time.ts';

const NOW = new Date('2026-11-23T18:00:00Z');

describe('detectTime', () => {
  it('converts a clock time in UTC to today in UTC', () => {
    expect(detectTime('it started at 14:05 UTC', NOW)).toEqual({ timeText: '14:05 UTC', timeUtc: '2026-11-23T14:05:00Z', dateAssumed: true });
  });

  it('takes yesterday when the clock time has not happened yet today', () => {
    expect(detectTime('around 23:30 UTC', NOW)?.timeUtc).toBe('2026-11-22T23:30:00Z');
  });

  it('converts a common zone abbreviation', () => {
    expect(detectTime('the outage began 10:22 CET', NOW)).toMatchObject({ timeText: '10:22 CET', timeUtc: '2026-11-23T09:22:00Z' });
    expect(detectTime('at 9:15 pm PDT', NOW)?.timeUtc).toBe('2026-11-23T04:15:00Z');
  });

  it('converts dates with an offset, Z or GMT', () => {
    expect(detectTime('2026-11-23T10:00:00+02:00', NOW)?.timeUtc).toBe('2026-11-23T08:00:00Z');
    expect(detectTime('logs say 2026-11-23 10:00:12Z', NOW)?.timeUtc).toBe('2026-11-23T10:00:12Z');
    expect(detectTime('on 2026-11-22 08:30 GMT-5', NOW)?.timeUtc).toBe('2026-11-22T13:30:00Z');
  });

  it('keeps a time without a zone as text only', () => {
    expect(detectTime('since 2026-11-23 10:00 the site is down', NOW)).toEqual({ timeText: '2026-11-23 10:00' });
    expect(detectTime('it broke at 10:00', NOW)).toEqual({ timeText: '10:00' });
  });

  it('does not guess ambiguous zones', () => {
    expect(detectTime('at 10:00 CST', NOW)).toEqual({ timeText: '10:00' });
  });

  it('ignores numbers that are not times', () => {
    expect(detectTime('error 522 on https://example.com/2026-11-23/post, ratio 16:9', NOW)).toBeUndefined();
  });
});
