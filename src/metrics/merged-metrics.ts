import { AggregatorRegistry, type MetricObjectWithValues, type MetricValue, type Registry } from 'prom-client';

/** What /metrics serves: the Prometheus text and its content type. */
export type MetricsSource = Pick<Registry, 'metrics' | 'contentType'>;

type MetricsJson = MetricObjectWithValues<MetricValue<string>>[];

/**
 * The process registry plus another registry's values read from elsewhere (the engine thread's),
 * summed metric by metric with prom-client's own aggregation (the one its cluster support uses).
 * `omit` names metrics the other side also counts but the process already counts once (knowledge
 * reloads: one SIGHUP reloads both engines). When the other side cannot answer (a thread being
 * restarted), the scrape still serves the process's own metrics.
 */
export function mergedMetrics(main: Registry, other: () => Promise<MetricsJson>, omit: string[] = []): MetricsSource {
  return {
    contentType: main.contentType,
    async metrics() {
      const extra = (await other().catch(() => [] as MetricsJson)).filter((metric) => !omit.includes(metric.name));
      return AggregatorRegistry.aggregate([await main.getMetricsAsJSON(), extra]).metrics();
    },
  };
}
