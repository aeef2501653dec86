import { secondaryDocSchema, type SecondaryDoc } from './schema.ts';

const CHUNK_CHARS = 1500;

/**
 * The blog source is scraped text with no titles or boundaries, so it is cut
 * into paragraph-aligned chunks; a chunk is titled by its first short line.
 */
export function parseBlogText(text: string, file = 'blog'): SecondaryDoc[] {
  const paragraphs = text.replace(/\\n/g, '\n').split(/\n\s*\n|\n(?=\S)/).map((p) => p.trim()).filter(Boolean);
  const chunks: string[][] = [];
  let current: string[] = [];
  let size = 0;
  for (const p of paragraphs) {
    if (size + p.length > CHUNK_CHARS && current.length) {
      chunks.push(current);
      current = [];
      size = 0;
    }
    current.push(p);
    size += p.length;
  }
  if (current.length) chunks.push(current);
  const stem = file.replace(/^.*\//, '').replace(/\.\w+$/, '');
  return chunks.map((lines, i) => {
    const heading = lines.find((l) => l.length >= 10 && l.length <= 90) ?? lines[0] ?? 'Blog excerpt';
    const body = lines.join('\n');
    return secondaryDocSchema.parse({ id: `blog-${stem}-${i + 1}`, kind: 'blog', title: heading, summary: body.slice(0, 300), text: body });
  });
}
