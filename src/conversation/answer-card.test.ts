import { describe, expect, it } from 'vitest';
import { loadKnowledgeRuntime } from '../knowledge/runtime.ts';
import { answerCard } from './answer-card.ts';
import { docBlocks } from './doc-blocks.ts';

const { kb } = loadKnowledgeRuntime('./knowledge');
const everySection = kb.pages.flatMap((page) => [undefined, ...page.sections.map((s) => s.anchor)].map((anchor) => ({ page, anchor, name: `${page.id}#${anchor ?? ''}` })));

describe('an answer card shows whole units of the docs, on every section of every page', () => {
  it.each(everySection)('$name', ({ page, anchor }) => {
    const { text } = answerCard(page, anchor);
    const lines = text.split('\n');
    // A code block is never cut mid-block.
    expect((text.match(/^\s*```/gm) ?? []).length % 2).toBe(0);
    // No tab widget leftovers.
    expect(text).not.toMatch(/#tab-panel-\d+/);
    lines.forEach((line, i) => {
      const next = lines.slice(i + 1).find((l) => l.trim());
      // A list is never cut after the sentence that introduces it ("these common causes:").
      if (/:\s*$/.test(line) && !/^\s*(?:[*+-]|\d+\.)\s/.test(line) && !line.startsWith('**')) {
        expect(next !== undefined && !/^\*\*|^…more in|^See \[/.test(next), `"${line}" is left without what it introduces`).toBe(true);
      }
      // No heading without anything under it.
      if (/^\*\*[^*]+\*\*$/.test(line.trim())) expect(next !== undefined && !/^\*\*[^*]+\*\*$/.test(next.trim()), `empty section "${line}"`).toBe(true);
    });
    // A step is never repeated.
    const items = lines.filter((l) => /^\s*(?:[*+-]|\d+\.)\s/.test(l)).map((l) => l.trim().toLowerCase());
    expect(new Set(items).size).toBe(items.length);
  });
});

describe('doc blocks', () => {
  it('keeps a code fence whole with the blank lines inside it', () => {
    const blocks = docBlocks('Use this:\n```\nset_real_ip_from 192.0.2.1;\n\nreal_ip_header CF-Connecting-IP;\n```\nThen reload.');
    expect(blocks.map((b) => b.kind)).toEqual(['paragraph', 'code', 'paragraph']);
    expect(blocks[1]?.text).toContain('real_ip_header CF-Connecting-IP;');
  });

  it('drops the leftover link of a tab widget and a repeated step', () => {
    const blocks = docBlocks('[ New dashboard ](https://example.com/page#tab-panel-6660)\n* Go to DNS.\n* Go to DNS.\n* Add a record.');
    expect(blocks).toEqual([{ kind: 'list', text: '* Go to DNS.\n* Add a record.' }]);
  });

  it('closes a fence the source left open rather than leaving the card open', () => {
    expect(docBlocks('```\necho hi')[0]?.text.endsWith('```')).toBe(true);
  });
});
