import type { RunningEngine } from '../../src/create-engine.ts';
import type { OperatorServer } from './operator-server.ts';

/** /readyz conditions the engine owns: knowledge loaded, conversation store answering. */
export function addEngineChecks(server: OperatorServer, engine: RunningEngine): void {
  server.addCheck('knowledge', () => Boolean(engine.knowledgeKey) || 'knowledge not loaded');
  server.addCheck('store', async () => (await engine.storeAnswers()) || 'conversation store does not answer');
}
