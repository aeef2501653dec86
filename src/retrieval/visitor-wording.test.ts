import { describe, expect, it } from 'vitest';
import { detectAudience } from './analyze-query.ts';

describe('visitor wording', () => {
  it.each([
    "I can't open example.com, it says access denied error 1020",
    "it isn't my site, I just shop there",
    "I get error 1020 on a shop's website",
    'Sorry, you have been blocked\nYou are unable to access example.com',
    'why am I blocked from a site with cloudflare',
    "'checking your browser' loops forever",
    'I can’t access shop.example.org anymore',
  ])('%s is a visitor', (text) => {
    expect(detectAudience(text)).toBe('visitor');
  });

  it.each(["I can't open my site", 'my site shows error 522'])('%s is the owner', (text) => {
    expect(detectAudience(text)).toBe('owner');
  });
});
