import { collectDefaultMetrics, Counter, Histogram, Registry } from 'prom-client';

/**
 * Every metric the bot exports, on one registry per process (created once in main, passed down).
 * Label values are bounded by construction: platforms, input kinds, outcomes, page, tree and node
 * ids from the knowledge, escalation reasons and audiences. User text never becomes a label.
 */
export function createBotMetrics(options: { defaultMetrics?: boolean } = {}) {
  const registry = new Registry();
  if (options.defaultMetrics !== false) collectDefaultMetrics({ register: registry });
  const registers = [registry];
  return {
    registry,
    turns: new Counter({ name: 'cfbot_turns_total', help: 'Turns handled, by door platform and input kind (text, choice, command).', labelNames: ['platform', 'input'] as const, registers }),
    outcomes: new Counter({ name: 'cfbot_turn_outcomes_total', help: 'Turns by outcome: answered, suggested, abstained, out_of_scope, tree_step, escalated, feedback, stale, error, other.', labelNames: ['platform', 'outcome'] as const, registers }),
    answers: new Counter({ name: 'cfbot_answers_total', help: 'Answers grounded in a docs page, by page id.', labelNames: ['page'] as const, registers }),
    treeStarts: new Counter({ name: 'cfbot_tree_starts_total', help: 'Decision trees started, by tree id.', labelNames: ['tree'] as const, registers }),
    treeCompletions: new Counter({ name: 'cfbot_tree_completions_total', help: 'Decision trees finished, by tree id and how (solved, escalated, handed_over).', labelNames: ['tree', 'result'] as const, registers }),
    treeAbandons: new Counter({ name: 'cfbot_tree_abandons_total', help: 'Decision trees left unfinished (new question, start over), by tree id and the node people left at.', labelNames: ['tree', 'node'] as const, registers }),
    escalations: new Counter({ name: 'cfbot_escalations_total', help: 'Escalations offered, by reason (asked, not_solved, tree_end, handoff) and audience.', labelNames: ['reason', 'audience'] as const, registers }),
    feedback: new Counter({ name: 'cfbot_feedback_total', help: '"Did that solve it?" answers, by page (or tree) id and vote (up, down).', labelNames: ['page', 'vote'] as const, registers }),
    turnSeconds: new Histogram({ name: 'cfbot_turn_duration_seconds', help: 'Time the engine took for a turn, store included.', labelNames: ['platform'] as const, buckets: [0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10], registers }),
    apiErrors: new Counter({ name: 'cfbot_platform_api_errors_total', help: 'Failed calls to a platform API (Discord REST, Slack Web API), by door.', labelNames: ['door'] as const, registers }),
    rateLimitWaits: new Counter({ name: 'cfbot_platform_rate_limit_waits_total', help: 'Times a platform API told us to wait (429 / rate limited), by door.', labelNames: ['door'] as const, registers }),
    rateLimitWaitSeconds: new Counter({ name: 'cfbot_platform_rate_limit_wait_seconds_total', help: 'Seconds spent waiting on platform rate limits, by door.', labelNames: ['door'] as const, registers }),
    knowledgeReloads: new Counter({ name: 'cfbot_knowledge_reloads_total', help: 'Knowledge reloads (SIGHUP or a file change), by result (ok, rejected).', labelNames: ['result'] as const, registers }),
  };
}

export type BotMetrics = ReturnType<typeof createBotMetrics>;
