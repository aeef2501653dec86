import { describe, expect, it } from 'vitest';
import { reasonText } from '../knowledge/reason.ts';
import { shippedWording } from '../../tests/support/shipped-wording.ts';
import { detectBrandedStatement, detectCloudflaredRunning, detectPlan, detectSslMode } from './evidence-statements.ts';

describe('detectPlan', () => {
  it.each([
    ['my site is on the free plan', 'free'],
    ["we're on pro.", 'pro'],
    ['We have a Business plan and see 522s', 'business'],
    ['we are an enterprise customer', 'enterprise'],
    ['I just upgraded from free to pro', 'pro'],
    ['Plan: Business', 'business'],
  ])('%s -> %s', (text, plan) => {
    expect(detectPlan(text)?.value).toBe(plan);
  });

  it('says where it came from', () => {
    const plan = detectPlan('I am on the free plan');
    expect(plan && reasonText(shippedWording, plan.because)).toBe('you said you are on the Free plan');
  });

  it('ignores questions and unrelated uses of the words', () => {
    expect(detectPlan('Is WAF available on the free plan?')).toBeUndefined();
    expect(detectPlan('I use the free SSL certificate')).toBeUndefined();
    expect(detectPlan('pro tip: the business hours are over')).toBeUndefined();
  });
});

describe('detectSslMode', () => {
  it.each([
    ['I use flexible ssl', 'flexible'],
    ['SSL/TLS is set to Full (strict)', 'strict'],
    ['ssl is full strict', 'strict'],
    ['my ssl mode is full', 'full'],
    ['SSL mode is off', 'off'],
    ['I switched SSL from flexible to full (strict) yesterday', 'strict'],
  ])('%s -> %s', (text, mode) => {
    expect(detectSslMode(text)?.value).toBe(mode);
  });

  it('ignores questions, choices and "full" that is not a mode', () => {
    expect(detectSslMode('Should I use flexible or full ssl?')).toBeUndefined();
    expect(detectSslMode('ssl: flexible or full, which one fixes 525')).toBeUndefined();
    expect(detectSslMode('here is the full ssl error message')).toBeUndefined();
    expect(detectSslMode('we offer flexible pricing')).toBeUndefined();
  });
});

describe('detectCloudflaredRunning', () => {
  it('reads statements and systemctl output', () => {
    expect(detectCloudflaredRunning('cloudflared is running on the server')?.value).toBe('yes');
    expect(detectCloudflaredRunning("cloudflared isn't running after the reboot")?.value).toBe('no');
    expect(detectCloudflaredRunning('● cloudflared.service - cloudflared\n   Active: inactive (dead) since Mon')?.value).toBe('no');
    expect(detectCloudflaredRunning('what is cloudflared?')).toBeUndefined();
  });
});

describe('detectBrandedStatement', () => {
  it('reads what the user says about the page', () => {
    expect(detectBrandedStatement('the page shows the Cloudflare logo')?.value).toBe('yes');
    expect(detectBrandedStatement('there is no cloudflare branding, it just says nginx')?.value).toBe('no');
    expect(detectBrandedStatement('is the error page cloudflare branded?')).toBeUndefined();
  });
});
