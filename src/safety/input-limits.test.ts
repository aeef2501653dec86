import { describe, expect, it } from 'vitest';
import { EMPTY_INPUT_MESSAGE, MAX_INPUT_CHARS, normalizeInput } from './input-limits.ts';

function okText(raw: string): string {
  const result = normalizeInput(raw);
  if (!result.ok) throw new Error(`expected ok for ${JSON.stringify(raw)}`);
  return result.text;
}

describe('normalizeInput', () => {
  it('passes ordinary questions through unchanged', () => {
    expect(normalizeInput('Why do I get error 522 on example.com?')).toEqual({
      ok: true,
      text: 'Why do I get error 522 on example.com?',
      truncated: false,
    });
  });

  it('strips control characters but keeps newlines and tabs', () => {
    expect(okText('error\u0000 52\u00072\u001b[31m\n\tat line 1\u007f\u0085')).toBe('error 522[31m\n\tat line 1');
  });

  it('turns Windows and old Mac line endings into \\n', () => {
    expect(okText('line one\r\nline two\rline three')).toBe('line one\nline two\nline three');
  });

  it('normalizes to NFC so the same word always looks the same', () => {
    expect(okText('cafe\u0301')).toBe('caf\u00e9');
  });

  it('drops leading blank lines and trailing whitespace but keeps indentation', () => {
    expect(okText('\n  \n    server {\n      listen 443;\n    }  \n\n')).toBe('    server {\n      listen 443;\n    }');
  });

  it.each([
    ['an empty string', ''],
    ['spaces and newlines', '  \n\t \r\n '],
    ['only control characters', '\u0000\u0001\u001f'],
    ['only zero-width characters', '\u200b\ufeff'],
  ])('refuses %s with a friendly message', (_label, raw) => {
    expect(normalizeInput(raw)).toEqual({ ok: false, reason: 'empty', message: EMPTY_INPUT_MESSAGE });
  });

  it('lets emoji-only and non-Latin messages through', () => {
    expect(okText('🔥🔥🔥')).toBe('🔥🔥🔥');
    expect(okText('👩‍💻')).toBe('👩‍💻'); // the zero-width joiner inside the emoji must survive
    expect(okText('サイトが522エラーになります')).toBe('サイトが522エラーになります');
    expect(okText('مرحبا، موقعي لا يعمل')).toBe('مرحبا، موقعي لا يعمل');
  });

  it('truncates an overlong paste at a line boundary and says so', () => {
    const line = `${'x'.repeat(99)}\n`; // 100 chars per line
    const result = normalizeInput(line.repeat(100), { maxChars: 1050 });
    expect(result).toEqual({ ok: true, text: line.repeat(10).trimEnd(), truncated: true });
  });

  it('falls back to a word boundary when there is no usable line break', () => {
    const result = normalizeInput('word '.repeat(3000));
    expect(result.ok && result.truncated).toBe(true);
    expect(result.ok && result.text.length).toBeLessThanOrEqual(MAX_INPUT_CHARS);
    expect(result.ok && result.text.endsWith('word')).toBe(true);
  });

  it('never splits an emoji when it has to cut mid-text', () => {
    const result = normalizeInput('😀'.repeat(10), { maxChars: 5 });
    expect(result).toEqual({ ok: true, text: '😀😀', truncated: true });
  });

  it('keeps a message exactly at the limit whole', () => {
    const result = normalizeInput('a'.repeat(MAX_INPUT_CHARS));
    expect(result.ok && result.truncated).toBe(false);
  });

  it('never throws, even on lone surrogates or a non-string payload', () => {
    expect(okText('bad \ud800 half')).toBe('bad \ufffd half');
    expect(okText('\udc00 tail')).toBe('\ufffd tail');
    expect(normalizeInput(undefined as unknown as string).ok).toBe(false);
    expect(normalizeInput(42 as unknown as string).ok).toBe(false);
  });
});
