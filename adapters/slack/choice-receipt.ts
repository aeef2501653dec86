import type { types } from '@slack/bolt';
import { CHOICE_ACTION } from './action-ids.ts';
import { escapeSlackText, truncate } from './mrkdwn.ts';

type KnownBlock = types.KnownBlock;

function isChoiceButtons(block: KnownBlock): boolean {
  return block.type === 'actions' && block.elements.some((element) => 'action_id' in element && CHOICE_ACTION.test(element.action_id ?? ''));
}

/**
 * The clicked message, rewritten so the step reads as answered: its choice
 * buttons go (no double clicks, no stale branches) and the picked option stays visible.
 */
export function markChoiceMade(blocks: KnownBlock[], chosenLabel: string): KnownBlock[] {
  return [
    ...blocks.filter((block) => !isChoiceButtons(block)),
    { type: 'context', elements: [{ type: 'mrkdwn', text: `:white_check_mark: ${escapeSlackText(truncate(chosenLabel, 150))}` }] },
  ];
}
