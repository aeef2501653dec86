import type { AnyThreadChannel } from 'discord.js';
import type { DoorContext } from '../context.ts';
import { runTurn } from '../../shared/engine-call.ts';
import { notice } from '../quiet-message.ts';
import { renderReplies } from '../render.ts';
import { texts } from '../texts.ts';

/** A new post in a help forum (or a new thread in a help channel) is a question: answer it in place. */
export async function onThreadCreate(thread: AnyThreadChannel, newlyCreated: boolean, ctx: DoorContext): Promise<void> {
  if (!newlyCreated || thread.parentId === null || !ctx.config.DISCORD_HELP_FORUM_IDS.includes(thread.parentId)) return;
  if (thread.ownerId === null || thread.ownerId === thread.client.user.id) return;
  const starter = await thread.fetchStarterMessage().catch(() => null);
  if (starter?.author.bot) return;
  const text = [thread.name, starter?.content ?? ''].filter((part) => part.trim() !== '').join('\n\n');
  const conversation = { platform: 'discord' as const, id: thread.id, user: thread.ownerId, place: thread.parentId };
  const outcome = await runTurn(ctx, { conversation, input: { kind: 'text', text } });
  const messages = outcome.kind === 'replies' ? renderReplies(outcome.replies) : [notice(texts.apology)];
  for (const message of messages) await thread.send(message);
}
