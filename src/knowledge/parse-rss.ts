import { XMLParser, XMLValidator } from 'fast-xml-parser';
import { z } from 'zod';
import { decodeEntities, KnowledgeParseError } from './parse-docs.ts';
import { secondaryDocSchema, type SecondaryDoc } from './schema.ts';

const itemSchema = z.object({
  title: z.coerce.string(),
  link: z.coerce.string().optional(),
  pubDate: z.coerce.string().optional(),
  description: z.coerce.string().optional(),
  'content:encoded': z.coerce.string().optional(),
});

/** Post-mortems come as an RSS 2.0 feed; each item becomes one secondary doc. */
export function parseRssFeed(xml: string, file = 'rss feed'): SecondaryDoc[] {
  const valid = XMLValidator.validate(xml);
  if (valid !== true) throw new KnowledgeParseError(file, `line ${valid.err.line}`, `invalid XML: ${valid.err.msg}`);
  const parsed: unknown = new XMLParser({ ignoreAttributes: true, cdataPropName: false, processEntities: true }).parse(xml);
  const channel = z.object({ rss: z.object({ channel: z.object({ item: z.unknown() }) }) }).safeParse(parsed);
  if (!channel.success) throw new KnowledgeParseError(file, 'channel', 'not an RSS 2.0 feed with items');
  const rawItems = channel.data.rss.channel.item;
  const items = Array.isArray(rawItems) ? rawItems : [rawItems];
  return items.map((raw, i) => {
    const item = itemSchema.safeParse(raw);
    if (!item.success) throw new KnowledgeParseError(file, `item ${i + 1}`, item.error.issues.map((x) => `${x.path.join('.')} ${x.message}`).join('; '));
    const { title, link, pubDate, description } = item.data;
    const text = htmlToText(item.data['content:encoded'] ?? description ?? '');
    return secondaryDocSchema.parse({
      id: slugFromUrl(link) ?? `postmortem-${i + 1}`,
      kind: 'postmortem',
      title: title.trim(),
      url: link?.trim() || undefined,
      published: pubDate ? new Date(pubDate).toISOString() : undefined,
      summary: htmlToText(description ?? '').slice(0, 400),
      text,
    });
  });
}

function slugFromUrl(url: string | undefined): string | undefined {
  return url?.split('/').filter(Boolean).pop();
}

export function htmlToText(html: string): string {
  return decodeEntities(
    html
      .replace(/<(script|style)[\s\S]*?<\/\1>/gi, ' ')
      .replace(/<\/(p|div|h\d|li|tr|pre)>|<br\s*\/?>/gi, '\n')
      .replace(/<[^>]+>/g, ' '),
  )
    .replace(/[ \t]+/g, ' ')
    .replace(/\n\s*\n+/g, '\n\n')
    .trim();
}
