import { describe, expect, it } from 'vitest';
import { buildCorpus, secretKept } from '../../tests/fixtures/secrets/corpus.ts';
import { redactSecrets } from './redact-secrets.ts';

// Two seeds: the rules must hold for fresh values, not for one lucky draw.
describe.each([20261201, 7])('redaction over the secret corpus (seed %i)', (seed) => {
  const corpus = buildCorpus(seed);

  it('is big and varied enough to mean something', () => {
    expect(corpus.pastes.flatMap((p) => p.secrets).length).toBeGreaterThanOrEqual(150);
    expect(new Set(corpus.pastes.map((p) => p.category)).size).toBeGreaterThanOrEqual(25);
    expect(corpus.lookAlikes.length).toBeGreaterThanOrEqual(100);
  });

  it('keeps no secret, not even 12 characters of one', () => {
    const kept = corpus.pastes.flatMap((paste) => {
      const out = redactSecrets(paste.text).text;
      return paste.secrets.filter((secret) => secretKept(out, secret)).map((secret) => ({ category: paste.category, secret, out }));
    });
    expect(kept).toEqual([]);
  });

  it('keeps none either when newlines are folded into spaces, as Slack delivers pasted text to the engine', () => {
    const kept = corpus.pastes.flatMap((paste) => {
      const out = redactSecrets(paste.text.replace(/\s+/g, ' ')).text;
      return paste.secrets.filter((secret) => secretKept(out, secret)).map(() => ({ category: paste.category, out }));
    });
    expect(kept).toEqual([]);
  });

  it('says what it removed, so the user knows to rotate it', () => {
    for (const paste of corpus.pastes) expect(redactSecrets(paste.text).found.length, paste.text).toBeGreaterThan(0);
  });

  it('leaves at most 2 % of look-alikes changed (references, ids, hashes, talk about passwords)', () => {
    const changed = corpus.lookAlikes.filter((l) => redactSecrets(l.text).text !== l.text);
    expect(changed.length / corpus.lookAlikes.length).toBeLessThanOrEqual(0.02);
  });

  it('is idempotent: redacting redacted text changes nothing', () => {
    for (const paste of corpus.pastes) {
      const once = redactSecrets(paste.text).text;
      expect(redactSecrets(once).text).toBe(once);
    }
  });
});
