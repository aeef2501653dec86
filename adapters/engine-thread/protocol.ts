import type { MetricObjectWithValues, MetricValue } from 'prom-client';
import type { Reply, Turn } from '../../src/conversation/seam.ts';
import type { ReloadResult } from '../../src/create-engine.ts';

/** What the main thread asks of the engine thread; each request carries an id its answer repeats. */
export type EngineRequest =
  | { id: number; op: 'handle'; turn: Turn }
  | { id: number; op: 'reload' }
  | { id: number; op: 'metrics' }
  | { id: number; op: 'close' };

export type MetricsJson = MetricObjectWithValues<MetricValue<string>>[];

/** The engine thread's answers (`ok` with the op's result, or the error's message), and its one-off start-up notices. */
export type EngineMessage =
  | { kind: 'ready' }
  | { kind: 'failed'; message: string }
  | { kind: 'answer'; id: number; ok: true; value: Reply[] | ReloadResult | MetricsJson | null }
  | { kind: 'answer'; id: number; ok: false; message: string };
