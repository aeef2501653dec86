import { splitMarkdown } from '../shared/split-markdown.ts';
import { truncate as truncateText } from '../shared/truncate.ts';

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
  return truncateText(text, limit, { partialTail: /&[a-z]{0,4}$/ });
}

/** Slack's own links and entities must stay whole when mrkdwn is split. */
const SLACK_UNBREAKABLE = /<[^>]*>|&[a-z]+;/g;

/** Splits mrkdwn into chunks of at most `limit` chars (fence repairs included) at paragraph, then line, then word boundaries; never inside a link. */
export function splitMrkdwn(text: string, limit: number): string[] {
  return splitMarkdown(text, { limit, unbreakable: SLACK_UNBREAKABLE });
}
