import { describe, expect, it } from 'vitest';
import { sourceFiles } from '../../tests/knowledge-paths.ts';
import { KnowledgeParseError } from './parse-docs.ts';
import { htmlToText, parseRssFeed } from './parse-rss.ts';

const feeds = sourceFiles('rss');

describe('the real post-mortem feed', () => {
  const posts = feeds.flatMap(({ file, text }) => parseRssFeed(text, file));

  it('yields its two post-mortems with titles, blog URLs and dates', () => {
    expect(posts).toHaveLength(2);
    expect(posts.map((p) => p.title)).toEqual([
      'A deep dive into Cloudflare’s September 12, 2025 dashboard and API outage',
      'A Byzantine failure in the real world',
    ]);
    expect(posts.map((p) => p.url)).toEqual([
      'https://blog.cloudflare.com/deep-dive-into-cloudflares-sept-12-dashboard-and-api-outage/',
      'https://blog.cloudflare.com/a-byzantine-failure-in-the-real-world/',
    ]);
    expect(posts.map((p) => p.id)).toEqual(['deep-dive-into-cloudflares-sept-12-dashboard-and-api-outage', 'a-byzantine-failure-in-the-real-world']);
    expect(posts[1]?.published).toBe('2020-11-27T12:00:00.000Z');
  });

  it('keeps the article text readable: no tags, no entities', () => {
    for (const post of posts) {
      expect(post.kind).toBe('postmortem');
      expect(post.text.length, post.id).toBeGreaterThan(1000);
      expect(post.text, post.id).not.toMatch(/<\/?(?:p|div|a|span|img)\b/);
      expect(post.text, post.id).not.toMatch(/&(?:amp|lt|gt|quot|#\d+);/);
    }
  });
});

const feed = (items: string) => `<?xml version="1.0"?><rss version="2.0"><channel><title>t</title>${items}</channel></rss>`;

describe('parsing RSS', () => {
  it('accepts a feed with a single item', () => {
    const [post] = parseRssFeed(feed('<item><title>One outage</title><link>https://blog.example.com/one-outage/</link><description><![CDATA[<p>Short &amp; sweet</p>]]></description></item>'));
    expect(post).toMatchObject({ id: 'one-outage', title: 'One outage', url: 'https://blog.example.com/one-outage/', text: 'Short & sweet' });
  });

  it('rejects invalid XML with the file and the line', () => {
    const broken = '<?xml version="1.0"?>\n<rss version="2.0">\n<channel>\n<item><title>Oops</item>\n</channel></rss>';
    expect(() => parseRssFeed(broken, 'feed.xml')).toThrow(KnowledgeParseError);
    expect(() => parseRssFeed(broken, 'feed.xml')).toThrow(/^feed\.xml: line \d+: invalid XML: /);
  });

  it('rejects well-formed XML that is not an RSS feed with items', () => {
    expect(() => parseRssFeed('<?xml version="1.0"?><feed><entry/></feed>', 'atom.xml')).toThrow(/atom\.xml: channel: not an RSS 2\.0 feed with items/);
  });

  it('turns HTML into plain paragraphs', () => {
    const text = htmlToText('<h2>Impact</h2><p>Dash &lt;down&gt;</p><script>x()</script><ul><li>one</li><li>two</li></ul>');
    expect(text.split('\n').map((line) => line.trim())).toEqual(['Impact', 'Dash <down>', 'one', 'two']);
  });
});
