import { join } from 'node:path';
import { loadConfig } from '../../../src/config.ts';
import { answerPlan } from '../../../src/conversation/answer-plan.ts';
import { loadKnowledge } from '../../../src/knowledge-cache/knowledge-snapshot.ts';
import { readArgsWithSubject, type CommandIo } from '../io.ts';

const USAGE = 'usage: ask [--json] "<question>"';

/** `ask [--json] "<question>"`: the page that answers it, for operators and scripts. */
export async function run(args: string[], io: CommandIo): Promise<number> {
  const parsed = readArgsWithSubject(args, { json: { type: 'boolean' } }, io, USAGE, (words) => (words.join(' ').trim() ? words.join(' ') : undefined));
  if (!parsed) return 2;
  const question = parsed.subject;
  const config = loadConfig();
  // The snapshot under DATA_DIR/cache: an unchanged knowledge folder is not parsed again.
  const { knowledge, support } = await loadKnowledge({ dir: config.KNOWLEDGE_DIR, cacheDir: join(config.DATA_DIR, 'cache') });
  const plan = answerPlan(knowledge, question);
  const docs = plan.search.docs.map((d) => ({ id: d.id, title: d.title, url: d.section ? `${d.url}#${d.section.anchor}` : d.url, score: Number(d.score.toFixed(3)) }));
  if (parsed.values.json) {
    // `outcome` tells a confident answer ("answer") from a list of suggestions ("suggest"); `abstain` keeps its contract.
    io.out(JSON.stringify({ docs, codes: plan.search.analysis.codes, flow: plan.flow?.id ?? null, abstain: plan.search.abstain, outcome: plan.search.outcome, ...(plan.search.language ? { language: plan.search.language.id } : {}) }));
    return 0;
  }
  if (plan.search.abstain) {
    io.out(plan.search.outOfScope ? `Not covered by the docs I know: ${plan.search.outOfScope.topic}. ${plan.search.outOfScope.pointer}` : `Nothing in the docs answers that. Ask the community (${support.links.community}) or open a case.`);
  }
  if (plan.search.outcome === 'suggest') io.out('Not sure which page answers this; these look closest:');
  docs.slice(0, plan.search.outcome === 'answer' ? 5 : 3).forEach((d, i) => io.out(`${i + 1}. ${d.title}  ${d.url}  (${d.score})`));
  if (plan.flow) io.out(`Guided troubleshooting available: ${plan.flow.title} (flow "${plan.flow.id}")`);
  return 0;
}
