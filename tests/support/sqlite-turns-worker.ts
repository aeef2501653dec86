/**
 * One bot process for the two-writers test: an engine on the sqlite file under argv[2] sending
 * argv[4] turns at once into one shared conversation, labelled argv[3], starting at the epoch
 * milliseconds in argv[5] so both processes write at the same moment. Prints "done" at the end.
 */
import { loadConfig } from '../../src/config.ts';
import { createEngine } from '../../src/create-engine.ts';
import { createLogger } from '../../src/log.ts';

const [dataDir, label, count, startAt] = process.argv.slice(2);
if (!dataDir || !label || !count) throw new Error('usage: sqlite-turns-worker DATA_DIR LABEL COUNT');
const engine = await createEngine({ config: loadConfig({ DATA_DIR: dataDir, LOG_LEVEL: 'silent' }), logger: createLogger('silent'), store: 'sqlite' });
await new Promise((resolve) => setTimeout(resolve, Math.max(0, Number(startAt) - Date.now())));
await Promise.all(
  Array.from({ length: Number(count) }, (_, i) =>
    engine.handle({ conversation: { platform: 'cli', id: 'shared', user: `${label}-${i}` }, input: { kind: 'text', text: `hello number ${i} from ${label}` } }),
  ),
);
await engine.close();
process.stdout.write('done\n');
