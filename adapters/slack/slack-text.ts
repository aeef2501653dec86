import { decodeXML } from 'entities';
/**
 * What the user typed, as the engine should read it: Slack's wire format
 * (`<@U1>`, `<https://x|x>`, `&lt;`) turned back into plain text, minus the
 * mention that summoned the bot.
 */
export function plainTextFromSlack(text: string, botUserId?: string): string {
  return text
    .replace(/<@([A-Z0-9]+)(?:\|[^>]*)?>/g, (_all, id: string) => (id === botUserId ? '' : `@${id}`))
    .replace(/<!(channel|here|everyone)(?:\|[^>]*)?>/g, '@$1')
    .replace(/<!subteam\^[A-Z0-9]+(?:\|([^>]*))?>/g, (_all, label?: string) => label ?? '@group')
    .replace(/<#[A-Z0-9]+\|([^>]*)>/g, '#$1')
    .replace(/<((?:https?|mailto):[^|>]+)(?:\|[^>]*)?>/g, '$1')
    // Slack escapes only &, < and >; one decoding pass, so a typed "&amp;lt;" stays "&lt;".
    .replace(/&(?:amp|lt|gt);/g, (entity) => decodeXML(entity))
    .replace(/\s+/g, ' ')
    .trim();
}
