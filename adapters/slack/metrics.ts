/** Counters an operator can scrape from /metrics; plain text, one `name value` per line. */
export class SlackMetrics {
  eventsReceived = 0;
  duplicatesSkipped = 0;
  repliesSent = 0;
  errors = 0;
  /** Turns refused with a "busy" reply because the answer queue was full. */
  shed = 0;

  toText(): string {
    return [
      `slack_events_received_total ${this.eventsReceived}`,
      `slack_duplicate_events_skipped_total ${this.duplicatesSkipped}`,
      `slack_replies_sent_total ${this.repliesSent}`,
      `slack_errors_total ${this.errors}`,
      `slack_shed_total ${this.shed}`,
      '',
    ].join('\n');
  }
}
