import { escapeMarkdown, hyperlink } from 'discord.js';

/**
 * Every `[` and `]` escaped. No discord.js formatter does this: `escapeMarkdown`'s `maskedLink`
 * option (escapeMaskedLink, 14.28) puts one backslash before the first `[…](…)` of each line,
 * so a second link on the same line stays live.
 */
function escapeBrackets(text: string): string {
  return text.replace(/[[\]]/g, '\\$&');
}

/**
 * User text quoted back by the bot, made unable to render as anything but text: no masked link
 * (`[click here](https://…)`), no user, role or channel mention, no slash-command or guide link,
 * no @everyone/@here, no formatting that could hide part of it. allowedMentions already stops
 * pings; this also stops the mention chips and links from rendering at all.
 */
export function inertUserText(text: string): string {
  return (
    escapeBrackets(escapeMarkdown(text, { heading: true, bulletedList: true, numberedList: true }))
      // <@id>, <@!id>, <@&id>, <#id>, </command:id>, <id:customize>: a backslash before < shows them as typed.
      .replace(/<(?=[@#/]|\d+:|id:)/g, '\\<')
      .replace(/@(everyone|here)\b/g, '@\u200b$1')
  );
}

/**
 * A masked link whose label is shown as written: discord.js escapes the formatting (and any
 * backslash, so a label ending in one cannot escape the closing bracket), and the brackets are
 * escaped so a `]` in the label cannot close it early and turn the rest into a link of its own.
 */
export function maskedLink(label: string, url: string): string {
  return hyperlink(escapeBrackets(escapeMarkdown(label)), url);
}
