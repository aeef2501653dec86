import { userMention } from 'discord.js';
import { doorTexts, expiredText } from '../shared/door-texts.ts';

/** What the door itself says (not answers: those come from the engine). */
export const texts = {
  apology: doorTexts.apology,
  expired: expiredText('/ask'),
  moderatorsOnly: 'Only moderators can hand a conversation to support.',
  emptyMention: 'Mention me together with your question, or use /ask.',
  noModeratorChannel: 'No moderator channel is configured (DISCORD_MODERATOR_CHANNEL_ID), so the case is shown only here.',
  notYourButtons: (owner: string) => `These buttons belong to ${userMention(owner)}'s question. Ask your own with /ask.`,
  unknownCommand: 'That command is no longer available. Ask with /ask instead.',
  moreOptions: 'More options:',
  sourcesHeading: 'Sources',
  caseSummaryTitle: 'Case summary',
  checklistHeading: 'Before you submit',
} as const;
