import { describe, expect, it } from 'vitest';
import { inertUserText, maskedLink } from './inert-text.ts';

/**
 * The masked links Discord would render in a text: `[label](url)` where the `[` and the `](` are
 * not escaped by an odd number of backslashes. Labels with escaped brackets are walked over.
 */
function liveLinks(markdown: string): string[] {
  const links: string[] = [];
  for (const m of markdown.matchAll(/(?<!\\)(?:\\\\)*\[((?:\\.|[^\\\]])*)\]\(([^)\s]+)\)/g)) links.push(m[2] ?? '');
  return links;
}

describe('user text quoted back on Discord', () => {
  it('keeps every masked link inert, also the second on a line (which escapeMaskedLink misses)', () => {
    const typed = 'see [click here](https://evil.example/a) or [this](https://evil.example/b) and [docs](<https://evil.example/c>)';
    expect(liveLinks(typed)).toHaveLength(3);
    expect(liveLinks(inertUserText(typed))).toEqual([]);
  });

  it('a backslash the user typed cannot undo the escaping', () => {
    expect(liveLinks(inertUserText('\\[x](https://evil.example/)'))).toEqual([]);
    expect(liveLinks(inertUserText('\\\\[x](https://evil.example/)'))).toEqual([]);
  });

  it('shows mentions, channel links, slash-command chips and @everyone/@here as typed, never as pings', () => {
    const shown = inertUserText('<@123> <@!123> <@&456> <#789> </ask:1> @everyone @here');
    expect(shown).not.toMatch(/(?<!\\)<(?:@[!&]?|#|\/)/);
    expect(shown).not.toMatch(/@(?:everyone|here)/);
    expect(shown.replaceAll('\\', '').replaceAll('\u200b', '')).toBe('<@123> <@!123> <@&456> <#789> </ask:1> @everyone @here');
  });
});

describe('a docs title as a masked link', () => {
  const url = 'https://developers.cloudflare.com/support/troubleshooting/error-1020/';

  it('is one live link to the page, whatever brackets, backslashes or markdown the title holds', () => {
    for (const title of ['Error 1020: Access denied', 'x](https://evil.example/) [y', 'Ends in a backslash \\', '**[beta]** _Workers_ `1101`', '[a](https://evil.example/a) [b](https://evil.example/b)']) {
      expect(liveLinks(maskedLink(title, url)), title).toEqual([url]);
    }
  });

  it('leaves a plain title as it reads', () => {
    expect(maskedLink('Error 1020: Access denied', url)).toBe(`[Error 1020: Access denied](${url})`);
  });
});
