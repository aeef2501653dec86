/**
 * Slack mrkdwn from the engine's markdown-lite, made inert: every `&`, `<`
 * and `>` that is not a link we built ourselves is escaped, so text that came
 * from a user or a document can never become `<!channel>`, `<@U…>` or
 * `<!subteam^…>` and ping anyone.
 */

/** Escapes the three characters Slack treats as control sequences. */
export function escapeSlackText(text: string): string {
  return text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');
}

/** A link target Slack cannot misread: http(s) only, and no `|`, `<` or `>` to break out of `<url|label>`. */
function safeLinkTarget(url: string): string | undefined {
  if (!/^https?:\/\//i.test(url)) return undefined;
  return url.replace(/&/g, '&amp;').replace(/\|/g, '%7C').replace(/</g, '%3C').replace(/>/g, '%3E');
}

/** `<url|label>` with an escaped label, or just the escaped label when the url is not a web link. */
export function slackLink(url: string, label: string): string {
  const target = safeLinkTarget(url);
  const text = escapeSlackText(label.replace(/\*\*/g, '').replace(/[\r\n]+/g, ' ').trim() || url);
  return target ? `<${target}|${text}>` : text;
}

const LINK = /\[([^\]\n]+)\]\(([^)\s]+)\)/g;
// Private-use characters mark where links go while the rest of the text is escaped.
const MARK_OPEN = '\uE000';
const MARK_CLOSE = '\uE001';

function convertProse(prose: string): string {
  const links: string[] = [];
  const marked = prose
    .replace(new RegExp(`[${MARK_OPEN}${MARK_CLOSE}]`, 'g'), '')
    .replace(LINK, (_all, label: string, url: string) => {
      links.push(slackLink(url, label));
      return `${MARK_OPEN}${links.length - 1}${MARK_CLOSE}`;
    });
  return escapeSlackText(marked)
    .replace(/\*\*([^*\n]+)\*\*/g, '*$1*')
    .replace(/^#{1,6}\s+(.+)$/gm, '*$1*')
    .replace(/^(\s*)[-*]\s+/gm, '$1• ')
    // Markdown backslash escapes (`\>` in "Security \> Analytics") would otherwise show their backslash.
    .replace(/\\(&gt;|&lt;|&amp;|[\\`*_{}[\]()#+\-.!|~])/g, '$1')
    .replace(new RegExp(`${MARK_OPEN}(\\d+)${MARK_CLOSE}`, 'g'), (_all, index: string) => links[Number(index)] ?? '');
}

/** Markdown-lite (**bold**, [links](url), "- " lists, `code`, ``` blocks) -> Slack mrkdwn. Code is escaped, never reformatted. */
export function toMrkdwn(markdown: string): string {
  return markdown
    .split(/(```[\s\S]*?```|`[^`\n]+`)/g)
    .map((part, index) => (index % 2 === 1 ? escapeSlackText(part) : convertProse(part)))
    .join('');
}

/** Plain text for notifications and screen readers: links become "label (url)", emphasis markers go. */
export function toPlainFallback(markdown: string): string {
  const plain = markdown
    .replace(LINK, (_all, label: string, url: string) => `${label} (${url})`)
    .replace(/\*\*/g, '')
    .replace(/```/g, '')
    .replace(/\\([\\`*_{}[\]()#+\-.!<>|~])/g, '$1');
  return escapeSlackText(plain);
}

/** Cuts text to `limit` characters with an ellipsis, without leaving half an `&amp;` behind. */
export function truncate(text: string, limit: number): string {
  if (text.length <= limit) return text;
  const cut = text.slice(0, limit - 1).replace(/&[a-z]{0,4}$/, '');
  return `${cut}…`;
}

/** Pieces of a line that must stay whole: Slack links/entities, runs of spaces, words. */
const UNBREAKABLE = /<[^>]*>|&[a-z]+;|\s+|[^\s<&]+|[<&]/g;

function splitLine(line: string, limit: number): string[] {
  const pieces: string[] = [];
  let current = '';
  for (const token of line.match(UNBREAKABLE) ?? []) {
    if (current.length + token.length <= limit) {
      current += token;
      continue;
    }
    if (current.trim()) pieces.push(current);
    current = '';
    // A single token longer than a whole section (a giant word) has no safe boundary left.
    let rest = token.trim() ? token : '';
    while (rest.length > limit) {
      pieces.push(rest.slice(0, limit));
      rest = rest.slice(limit);
    }
    current = rest;
  }
  if (current.trim()) pieces.push(current);
  return pieces;
}

function pack(units: string[], separator: string, limit: number, splitUnit: (unit: string) => string[]): string[] {
  const chunks: string[] = [];
  let current: string | undefined;
  for (const unit of units) {
    const parts = unit.length > limit ? splitUnit(unit) : [unit];
    for (const part of parts) {
      if (current !== undefined && current.length + separator.length + part.length <= limit) {
        current += separator + part;
      } else {
        if (current !== undefined && current.trim()) chunks.push(current);
        current = part;
      }
    }
  }
  if (current !== undefined && current.trim()) chunks.push(current);
  return chunks;
}

/** Splits mrkdwn into chunks of at most `limit` chars at paragraph, then line, then word boundaries; never inside a link. */
export function splitMrkdwn(text: string, limit: number): string[] {
  if (text.length <= limit) return text.trim() ? [text] : [];
  const byLine = (paragraph: string) => pack(paragraph.split('\n'), '\n', limit, (line) => splitLine(line, limit));
  return pack(text.split(/\n{2,}/), '\n\n', limit, byLine);
}

const FENCE = '```';
/** Room `balanceCodeFences` may add to a chunk: a closing fence on one end, an opening one on the other. */
export const FENCE_ALLOWANCE = 2 * (FENCE.length + 1);

/**
 * A code block cut in two would render the rest of the answer as code (and
 * the code as prose), so each chunk closes a block it opened and the next one reopens it.
 */
export function balanceCodeFences(chunks: string[]): string[] {
  let insideCode = false;
  return chunks.map((chunk) => {
    const opened = insideCode ? `${FENCE}\n${chunk}` : chunk;
    const fences = opened.split(FENCE).length - 1;
    insideCode = fences % 2 === 1;
    return insideCode ? `${opened}\n${FENCE}` : opened;
  });
}
