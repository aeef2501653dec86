import { describe, expect, it } from 'vitest';
import { splitMarkdown } from './split-markdown.ts';

describe('splitMarkdown', () => {
  it('prefers paragraph boundaries', () => {
    expect(splitMarkdown(`${'a'.repeat(60)}\n\n${'b'.repeat(60)}`, { limit: 100 })).toEqual(['a'.repeat(60), 'b'.repeat(60)]);
  });

  it('moves a cut that would land inside a link to before the link', () => {
    const link = '[docs](https://developers.cloudflare.com/support/a-very-long-path/)';
    const chunks = splitMarkdown(`${'word '.repeat(14)}${link} tail`, { limit: 100 });
    expect(chunks.some((c) => c.includes(link))).toBe(true);
    expect(chunks.every((c) => c.length <= 100)).toBe(true);
  });

  it('closes a code block cut in two and reopens it in the next chunk', () => {
    const code = Array.from({ length: 30 }, (_, i) => `line ${i} of the config`).join('\n');
    const chunks = splitMarkdown(`Config:\n\`\`\`\n${code}\n\`\`\``, { limit: 300 });
    expect(chunks.length).toBeGreaterThan(1);
    for (const chunk of chunks) {
      expect(chunk.length).toBeLessThanOrEqual(300);
      expect((chunk.split('```').length - 1) % 2).toBe(0);
    }
  });
});
