import { describe, expect, it } from 'vitest';
import { plainTextFromSlack } from './slack-text.ts';

describe('plainTextFromSlack', () => {
  it('drops the bot mention and reads the question as the user typed it', () => {
    expect(plainTextFromSlack('<@UBOT> error 1020 on &lt;login&gt; &amp; signup', 'UBOT')).toBe('error 1020 on <login> & signup');
  });

  it('turns links, other mentions and channel refs into readable text', () => {
    expect(plainTextFromSlack('<@UBOT> <@U123> says <https://example.com/a|example.com/a> in <#C1|general> to <!here>', 'UBOT')).toBe(
      '@U123 says https://example.com/a in #general to @here',
    );
  });
});
