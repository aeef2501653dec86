/**
 * A docs section cut into the units a reader takes in whole: paragraphs,
 * lists (with their nested items and continuation lines) and code blocks.
 * An answer card shows whole units or links to them, never half of one.
 */
export type DocBlock = { kind: 'paragraph' | 'list' | 'code'; text: string };

const LIST_ITEM = /^\s*(?:[*+-]|\d+\.)\s/;
const FENCE = /^\s*(?:```|~~~)/;
/** What the docs site's tab widget leaves behind in the Markdown: "[ New dashboard ](…#tab-panel-6660)". */
const TAB_LEFTOVER = /^\s*\[\s*[^\]]*\]\([^)]*#tab-panel-\d+\)\s*$/;
const IMAGE_LINE = /^\s*!\[[^\]]*\]\([^)]*\)\s*$/;
const GO_TO_LINE = /^\s*\[\s*Go to\b/i;

function isNoise(line: string): boolean {
  return TAB_LEFTOVER.test(line) || IMAGE_LINE.test(line) || GO_TO_LINE.test(line);
}

/** Images say nothing in a chat card. */
const IMAGE = /!\[[^\]]*\]\([^)]*\)/g;
/** The same leftover inside a line of text. */
const TAB_LINK = /\[\s*[^\]]*\]\([^)]*#tab-panel-\d+\)/g;

export function docBlocks(text: string): DocBlock[] {
  const lines = text.replace(TAB_LINK, '').replace(IMAGE, '').split('\n');
  const out: DocBlock[] = [];
  let i = 0;
  while (i < lines.length) {
    const line = lines[i] ?? '';
    if (!line.trim() || isNoise(line)) {
      i++;
      continue;
    }
    if (FENCE.test(line)) {
      const body = [line];
      i++;
      while (i < lines.length && !FENCE.test(lines[i] ?? '')) body.push(lines[i++] ?? '');
      if (i < lines.length) body.push(lines[i++] ?? '');
      else body.push('```'); // an unclosed fence in the source is closed, not left open
      out.push({ kind: 'code', text: body.join('\n') });
      continue;
    }
    if (LIST_ITEM.test(line)) {
      const body: string[] = [];
      while (i < lines.length) {
        const l = lines[i] ?? '';
        if (LIST_ITEM.test(l) || (/^\s{2,}\S/.test(l) && !FENCE.test(l))) {
          if (!isNoise(l)) body.push(l);
          i++;
          continue;
        }
        // A blank line inside a list continues it when the list goes on after it.
        const next = lines.slice(i).find((n) => n.trim());
        if (!l.trim() && next !== undefined && (LIST_ITEM.test(next) || /^\s{2,}\S/.test(next)) && !FENCE.test(next)) {
          i++;
          continue;
        }
        break;
      }
      out.push({ kind: 'list', text: dedupeItems(body).join('\n') });
      continue;
    }
    const body: string[] = [];
    while (i < lines.length && (lines[i] ?? '').trim() && !LIST_ITEM.test(lines[i] ?? '') && !FENCE.test(lines[i] ?? '')) {
      if (!isNoise(lines[i] ?? '')) body.push(lines[i] ?? '');
      i++;
    }
    if (body.length) out.push({ kind: 'paragraph', text: body.join('\n') });
  }
  return out;
}

/** A step the source repeats word for word is shown once. */
function dedupeItems(lines: string[]): string[] {
  const seen = new Set<string>();
  return lines.filter((l) => {
    if (!LIST_ITEM.test(l)) return true;
    const key = l.trim().replace(LIST_ITEM, '').toLowerCase();
    if (seen.has(key)) return false;
    seen.add(key);
    return true;
  });
}

/** A paragraph that ends with ":" introduces the next unit and is shown only with it. */
export function introducesNext(block: DocBlock): boolean {
  return block.kind === 'paragraph' && /:\s*$/.test(block.text);
}
