import { Counter, Histogram, Registry } from 'prom-client';
import { describe, expect, it } from 'vitest';
import { mergedMetrics } from './merged-metrics.ts';

function registryWith(turns: number, reloads: number, seconds: number[]): Registry {
  const registry = new Registry();
  const turnsCounter = new Counter({ name: 'cfbot_turns_total', help: 'turns', labelNames: ['platform'], registers: [registry] });
  const reloadCounter = new Counter({ name: 'cfbot_knowledge_reloads_total', help: 'reloads', labelNames: ['result'], registers: [registry] });
  const duration = new Histogram({ name: 'cfbot_turn_duration_seconds', help: 'duration', buckets: [0.01, 0.1], registers: [registry] });
  if (turns) turnsCounter.inc({ platform: 'slack' }, turns);
  if (reloads) reloadCounter.inc({ result: 'ok' }, reloads);
  for (const s of seconds) duration.observe(s);
  return registry;
}

describe('/metrics with the engine thread', () => {
  it('sums counters and histograms of both sides, and counts an omitted metric once', async () => {
    const main = registryWith(2, 1, [0.005]);
    const thread = registryWith(5, 1, [0.05, 0.5]);
    const text = await mergedMetrics(main, () => thread.getMetricsAsJSON(), ['cfbot_knowledge_reloads_total']).metrics();
    expect(text).toContain('cfbot_turns_total{platform="slack"} 7');
    expect(text).toContain('cfbot_knowledge_reloads_total{result="ok"} 1');
    expect(text).toContain('cfbot_turn_duration_seconds_bucket{le="0.01"} 1');
    expect(text).toContain('cfbot_turn_duration_seconds_bucket{le="0.1"} 2');
    expect(text).toContain('cfbot_turn_duration_seconds_count 3');
  });

  it("still serves the process's own metrics while the thread cannot answer", async () => {
    const text = await mergedMetrics(registryWith(2, 0, []), () => Promise.reject(new Error('the engine thread is restarting'))).metrics();
    expect(text).toContain('cfbot_turns_total{platform="slack"} 2');
  });
});
