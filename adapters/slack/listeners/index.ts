import type { App } from '@slack/bolt';
import { CHOICE_ACTION, ESCALATE_SHORTCUT, ESCALATION_MODAL, FOREIGN_ACTION, LINK_ACTION, SHARE_ACTION } from '../action-ids.ts';
import type { SlackDoorContext } from '../door.ts';
import { acknowledgeLinkClick } from './acknowledge-link-click.ts';
import { answerDirectMessage } from './answer-direct-message.ts';
import { answerHelpCommand, HELP_COMMAND } from './answer-help-command.ts';
import { answerMention } from './answer-mention.ts';
import { continueWithChoice } from './continue-with-choice.ts';
import { skipDuplicateEvents, trackInFlight } from './door-middleware.ts';
import { openEscalationModal } from './open-escalation-modal.ts';
import { postAnswerToChannel } from './post-answer-to-channel.ts';
import { publishHomeTab } from './publish-home-tab.ts';
import { reportExpiredAction } from './report-expired-action.ts';
import { sendEscalation } from './send-escalation.ts';

/** Every way into the Slack door, in one list. */
export function registerListeners(app: App, door: SlackDoorContext): void {
  app.use(trackInFlight(door));
  app.use(skipDuplicateEvents(door));

  app.event('app_mention', answerMention(door));
  app.message(answerDirectMessage(door));
  app.command(HELP_COMMAND, answerHelpCommand(door));

  app.action(CHOICE_ACTION, continueWithChoice(door));
  app.action(SHARE_ACTION, postAnswerToChannel(door));
  app.action(LINK_ACTION, acknowledgeLinkClick);
  app.action(FOREIGN_ACTION, reportExpiredAction);

  app.shortcut(ESCALATE_SHORTCUT, openEscalationModal(door));
  app.view(ESCALATION_MODAL, sendEscalation(door));

  app.event('app_home_opened', publishHomeTab(door));

  app.error(async (error) => {
    door.metrics.errors += 1;
    door.logger.error({ err: error, code: error.code }, 'Slack listener failed');
  });
}
