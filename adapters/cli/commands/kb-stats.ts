import { loadEngineKnowledge } from '../../../src/engine-knowledge.ts';
import type { CommandIo } from '../io.ts';

/** `kb stats`: what the bot knows — pages, sections, codes, trees, sources. */
export async function run(_args: string[], io: CommandIo): Promise<number> {
  const { runtime, flows } = loadEngineKnowledge();
  const { kb } = runtime;
  io.out(`pages: ${kb.pages.length}`);
  io.out(`sections: ${kb.pages.reduce((n, p) => n + p.sections.length, 0)}`);
  io.out(`error codes: ${kb.codes.size} (${[...kb.codes.keys()].sort((a, b) => Number(a) - Number(b)).join(', ')})`);
  io.out(`secondary docs: ${kb.secondary.length} (${kb.secondary.filter((d) => d.kind === 'postmortem').length} post-mortems, ${kb.secondary.filter((d) => d.kind === 'blog').length} blog excerpts)`);
  io.out(`decision trees: ${flows.length} (${flows.map((f) => f.id).join(', ')})`);
  io.out('sources:');
  for (const s of kb.sources) io.out(`  ${s.kind.padEnd(5)} ${String(s.records).padStart(4)} records  ${s.file}`);
  return 0;
}
