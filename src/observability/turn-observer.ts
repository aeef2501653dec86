import type { Logger } from '../log.ts';
import type { BotMetrics } from '../metrics/bot-metrics.ts';
import { classifyTurn, keepsQuestion } from './classify-turn.ts';
import type { BotEventLog, TurnEvent } from './turn-events.ts';
import type { TurnObserver } from './turn-report.ts';

const QUESTION_LIMIT = 300;

/**
 * What happens after every turn: metrics, one info log line (ids and numbers, never the user's
 * words), and one event for the knowledge-gap report.
 */
export function createTurnObserver(deps: { metrics?: BotMetrics; events?: BotEventLog; logger: Logger }): TurnObserver {
  const { metrics, events, logger } = deps;
  return async (report) => {
    const summary = classifyTurn(report);
    const { platform } = report.turn.conversation;
    const input = report.turn.input.kind;
    if (metrics) {
      metrics.turns.inc({ platform, input });
      metrics.outcomes.inc({ platform, outcome: summary.outcome });
      metrics.turnSeconds.observe({ platform }, report.latencyMs / 1000);
      if (summary.page) metrics.answers.inc({ page: summary.page });
      if (summary.treeStarted) metrics.treeStarts.inc({ tree: summary.treeStarted });
      const ended = summary.treeEnded;
      if (ended?.how === 'abandoned') metrics.treeAbandons.inc({ tree: ended.tree, node: ended.node });
      else if (ended) metrics.treeCompletions.inc({ tree: ended.tree, result: ended.how });
      if (summary.escalation) metrics.escalations.inc(summary.escalation);
    }
    const latencyMs = Math.round(report.latencyMs * 10) / 10;
    logger.info(
      { door: platform, input, outcome: summary.outcome, ...(summary.page ? { page: summary.page } : {}), ...(summary.tree ? { tree: summary.tree, node: summary.node } : {}), ...(summary.treeEnded ? { treeEnded: summary.treeEnded } : {}), latencyMs },
      'turn',
    );
    if (!events) return;
    const event: TurnEvent = {
      type: 'turn',
      at: report.at.toISOString(),
      key: report.key,
      platform,
      input,
      ...summary,
      ...(keepsQuestion(summary.outcome) && report.userText ? { question: report.userText.slice(0, QUESTION_LIMIT) } : {}),
      latencyMs,
    };
    await events.append(event);
  };
}
