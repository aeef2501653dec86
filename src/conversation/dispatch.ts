import { onChoice } from './choice-turn.ts';
import { escalate, restart } from './control-replies.ts';
import type { Reply } from './seam.ts';
import { onText } from './text-turn.ts';
import type { TurnContext } from './turn-context.ts';

/** Routes one turn's input: a command, a choice, or typed text. */
export async function dispatch(ctx: TurnContext): Promise<Reply[]> {
  const { input } = ctx.turn;
  if (input.kind === 'command') {
    switch (input.name) {
      case 'restart':
        return restart(ctx);
      case 'escalate':
        return [escalate(ctx)];
      case 'troubleshoot': {
        const code = (input.args.code ?? '').trim();
        return onText(ctx, code ? `error ${code}` : '');
      }
      case 'ask':
        return onText(ctx, input.args.question ?? '');
      case 'resume':
        return []; // handled read-only before the turn is stored
    }
  }
  if (input.kind === 'choice') return onChoice(ctx, input.choiceId);
  return onText(ctx, input.text);
}
