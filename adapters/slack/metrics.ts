import { Counter, type Registry } from 'prom-client';

/** Counts the door keeps as plain numbers (listeners just add 1); exported through the process registry. */
export class SlackMetrics {
  eventsReceived = 0;
  duplicatesSkipped = 0;
  repliesSent = 0;
  errors = 0;
  /** Turns refused with a "busy" reply because the answer queue was full. */
  shed = 0;
}

/** Publishes a door's counts on `registry`, read at scrape time, so listeners stay free of prom-client. */
export function registerSlackMetrics(registry: Registry, metrics: SlackMetrics, onErrors: (count: number) => void = () => {}): void {
  const counter = (name: string, help: string, read: () => number) =>
    new Counter({
      name,
      help,
      registers: [registry],
      collect() {
        this.reset();
        this.inc(read());
      },
    });
  counter('slack_events_received_total', 'Slack events, commands and actions received.', () => metrics.eventsReceived);
  counter('slack_duplicate_events_skipped_total', 'Slack redeliveries recognised by event id and not answered twice.', () => metrics.duplicatesSkipped);
  counter('slack_replies_sent_total', 'Messages the Slack door posted.', () => metrics.repliesSent);
  counter('slack_shed_total', 'Slack questions answered with a busy reply because the answer queue was full.', () => metrics.shed);
  counter('slack_errors_total', 'Slack listener and Web API failures.', () => {
    onErrors(metrics.errors);
    return metrics.errors;
  });
}
