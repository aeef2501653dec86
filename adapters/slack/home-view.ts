import type { types } from '@slack/bolt';

/** The App Home tab: what the bot is for and every way to reach it. Static, so it never depends on the engine being up. */
export function homeView(): types.HomeView {
  const section = (text: string): types.KnownBlock => ({ type: 'section', text: { type: 'mrkdwn', text } });
  return {
    type: 'home',
    blocks: [
      { type: 'header', text: { type: 'plain_text', text: 'Cloudflare support assistant' } },
      section('I answer questions about sites behind Cloudflare with links to the official docs, walk you through troubleshooting step by step, and prepare a case summary when you need a human.'),
      { type: 'divider' },
      section('*How to ask*\n• Mention me in a channel: `@me error 1020 on my login page`. I answer in a thread.\n• Send me a direct message.\n• Use `/cfhelp <question>` anywhere: only you see the answer, and *Post to channel* shares it.'),
      section('*Getting a human*\nOn any message, open the ⋯ menu and choose *Escalate to support*. You can edit the pre-filled summary before it is sent.'),
      { type: 'context', elements: [{ type: 'mrkdwn', text: 'Answers cite their sources. Do not paste API tokens or passwords; I never need them.' }] },
    ],
  };
}
