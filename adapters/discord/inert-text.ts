import { escapeMarkdown } from 'discord.js';

/**
 * User text quoted back by the bot, made unable to render as anything but text: no masked link
 * (`[click here](https://…)`), no user, role or channel mention, no slash-command or guide link,
 * no @everyone/@here, no formatting that could hide part of it. allowedMentions already stops
 * pings; this also stops the mention chips and links from rendering at all.
 */
export function inertUserText(text: string): string {
  return (
    escapeMarkdown(text, { heading: true, bulletedList: true, numberedList: true })
      // discord.js's maskedLink option escapes only the first link of a text (14.28), so every `[` that opens one is escaped here.
      .replace(/\[(?=[^\]\n]*\]\()/g, '\\[')
      // <@id>, <@!id>, <@&id>, <#id>, </command:id>, <id:customize>: a backslash before < shows them as typed.
      .replace(/<(?=[@#/]|\d+:|id:)/g, '\\<')
      .replace(/@(everyone|here)\b/g, '@\u200b$1')
  );
}
