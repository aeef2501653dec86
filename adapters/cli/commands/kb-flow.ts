import { join } from 'node:path';
import { settingFromEnv } from '../../../src/config.ts';
import { loadFlows } from '../../../src/flows/load-flows.ts';
import { toMermaid } from '../../../src/flows/mermaid.ts';
import { FlowError, formatProblem } from '../../../src/flows/problems.ts';
import type { Flow } from '../../../src/flows/schema.ts';
import { loadKnowledge } from '../../../src/knowledge/load.ts';
import { readArgsWithSubject, type CommandIo } from '../io.ts';

const USAGE = 'usage: kb flow <id> [--mermaid]';

/** `kb flow <id> [--mermaid]`: one tree as a Mermaid diagram, or a short summary without the flag. */
export async function run(args: string[], io: CommandIo): Promise<number> {
  const parsed = readArgsWithSubject(args, { mermaid: { type: 'boolean' } }, io, USAGE);
  if (!parsed) return 2;
  const id = parsed.subject;
  const dir = settingFromEnv('KNOWLEDGE_DIR');
  let flows: Flow[];
  try {
    flows = loadFlows(join(dir, 'flows'), loadKnowledge(dir));
  } catch (error) {
    if (error instanceof FlowError) error.problems.forEach((p) => io.err(formatProblem(p)));
    else io.err(error instanceof Error ? error.message : String(error));
    return 1;
  }
  const flow = flows.find((f) => f.id === id);
  if (!flow) {
    io.err(`unknown flow "${id}"; known flows: ${flows.map((f) => f.id).sort().join(', ')}`);
    return 1;
  }
  if (parsed.values.mermaid) {
    io.out(toMermaid(flow));
    return 0;
  }
  for (const line of summary(flow)) io.out(line);
  return 0;
}

function summary(flow: Flow): string[] {
  const nodes = Object.values(flow.nodes);
  const count = (type: string) => nodes.filter((n) => n.type === type).length;
  return [
    `${flow.id}: ${flow.title}`,
    `  ${flow.description}`,
    `  codes: ${flow.triggers.codes.join(', ') || '(none)'}`,
    `  keywords: ${flow.triggers.keywords.join(', ') || '(none)'}`,
    `  nodes: ${nodes.length} (${count('question')} questions, ${count('answer')} answers, ${count('escalate')} escalations), start "${flow.start}"`,
    '  add --mermaid for a diagram',
  ];
}
