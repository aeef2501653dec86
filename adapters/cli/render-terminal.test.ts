import { describe, expect, it } from 'vitest';
import type { Reply } from '../../src/conversation/seam.ts';
import { renderForTerminal, wantsColor } from './render-terminal.ts';

const CARD: Reply = {
  title: 'Error 1020',
  text: 'A firewall rule blocked the request.\n\n**Common causes**\n- A [custom rule](https://developers.cloudflare.com/waf/custom-rules/) matched `cf.client.bot`\n\n```\ncurl -sI https://example.com\n```\nDone.',
  sources: [{ title: 'Error 1020', url: 'https://developers.cloudflare.com/support/error-1020/' }],
  choices: [{ id: 'solved:yes', label: 'Yes, solved' }],
};

describe('terminal rendering of a card with bold, a link and code', () => {
  it('writes these exact bytes with colours on', () => {
    expect(renderForTerminal(CARD, true)).toBe(
      '\u001b[1mError 1020\u001b[22m\n' +
        'A firewall rule blocked the request.\n\n' +
        '\u001b[1mCommon causes\u001b[22m\n' +
        '- A custom rule <https://developers.cloudflare.com/waf/custom-rules/> matched \u001b[36mcf.client.bot\u001b[39m\n\n' +
        '    curl -sI https://example.com\n' +
        'Done.\n' +
        '\u001b[2mSources: Error 1020 <https://developers.cloudflare.com/support/error-1020/>\u001b[22m\n' +
        '  1) Yes, solved',
    );
  });

  it('writes plain text with colours off: no escape byte at all, code keeps its backticks', () => {
    const out = renderForTerminal(CARD, false);
    expect(out).not.toContain('\u001b');
    expect(out).toBe(
      'Error 1020\n' +
        'A firewall rule blocked the request.\n\n' +
        'Common causes\n' +
        '- A custom rule <https://developers.cloudflare.com/waf/custom-rules/> matched `cf.client.bot`\n\n' +
        '    curl -sI https://example.com\n' +
        'Done.\n' +
        'Sources: Error 1020 <https://developers.cloudflare.com/support/error-1020/>\n' +
        '  1) Yes, solved',
    );
  });

  it('a bold link keeps both: the escape sequence is never read as a link bracket', () => {
    const out = renderForTerminal({ text: '**[Cloudflare Status](https://www.cloudflarestatus.com/)** first' }, true);
    expect(out).toBe('\u001b[1mCloudflare Status <https://www.cloudflarestatus.com/>\u001b[22m first');
  });

  it('colours only on a TTY without NO_COLOR', () => {
    expect(wantsColor(true, undefined)).toBe(true);
    expect(wantsColor(true, '1')).toBe(false);
    expect(wantsColor(false, undefined)).toBe(false);
  });
});
