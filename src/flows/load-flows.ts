import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { parseDocument } from 'yaml';
import type { z } from 'zod';
import { lintFlow, lintFlowSet, type FlowKnowledge } from './lint.ts';
import { FlowError, type LintProblem } from './problems.ts';
import { flowSchema, type Flow } from './schema.ts';

const FLOW_FILE = /\.ya?ml$/;

/** Every tree in `dir`, validated and linted; any problem in any file fails the whole load. */
export function loadFlows(dir: string, kb: FlowKnowledge): Flow[] {
  const { flows, problems } = checkFlowDir(dir, kb);
  if (problems.length) throw new FlowError(problems);
  return flows.map((f) => f.flow);
}

/** Like loadFlows but collects every problem instead of throwing: what `kb lint` prints. */
export function checkFlowDir(dir: string, kb: FlowKnowledge): { flows: { file: string; flow: Flow }[]; problems: LintProblem[] } {
  let names: string[];
  try {
    names = readdirSync(dir).filter((n) => FLOW_FILE.test(n)).sort();
  } catch (error) {
    return { flows: [], problems: [{ file: dir, node: null, reason: `cannot read flow directory: ${(error as Error).message}` }] };
  }
  const flows: { file: string; flow: Flow }[] = [];
  const problems: LintProblem[] = [];
  for (const name of names) {
    const file = join(dir, name);
    try {
      const flow = parseFlowFile(file, readFileSync(file, 'utf8'));
      flows.push({ file, flow });
      problems.push(...lintFlow(flow, file, kb));
    } catch (error) {
      if (!(error instanceof FlowError)) throw error;
      problems.push(...error.problems);
    }
  }
  problems.push(...lintFlowSet(flows));
  return { flows, problems };
}

/** YAML text -> validated Flow; syntax and schema errors become a FlowError naming file, node and line. */
export function parseFlowFile(file: string, text: string): Flow {
  // uniqueKeys: a node id written twice would otherwise silently replace the first node.
  const doc = parseDocument(text, { prettyErrors: true, uniqueKeys: true });
  if (doc.errors.length) {
    throw new FlowError(doc.errors.map((error) => {
      const line = error.linePos?.[0].line;
      const column = error.linePos?.[0].col;
      const message = (error.message.split('\n')[0] ?? error.message).replace(/ at line \d+, column \d+:?$/, '');
      const where = line === undefined ? '' : ` at line ${line}, column ${column}`;
      return { file, node: line === undefined ? null : nodeNearLine(text, line), reason: `YAML syntax error${where}: ${message}` };
    }));
  }
  const data: unknown = doc.toJS();
  if (typeof data !== 'object' || data === null || Array.isArray(data)) {
    throw new FlowError([{ file, node: null, reason: 'expected a mapping with id, title, description, triggers, start and nodes' }]);
  }
  const parsed = flowSchema.safeParse(data);
  if (!parsed.success) throw new FlowError(parsed.error.issues.map((issue) => schemaProblem(file, issue)));
  return parsed.data;
}

function schemaProblem(file: string, issue: z.core.$ZodIssue): LintProblem {
  const [first, nodeId, ...rest] = issue.path;
  if (first === 'nodes' && typeof nodeId === 'string') {
    // zod's own wording here is "Invalid key in record", which does not say what a valid id looks like.
    if (issue.code === 'invalid_key') return { file, node: nodeId, reason: 'node id must be a lowercase slug (a-z, 0-9, -)' };
    return { file, node: nodeId, reason: rest.length ? `${formatPath(rest)}: ${issue.message}` : issue.message };
  }
  return { file, node: null, reason: issue.path.length ? `${formatPath(issue.path)}: ${issue.message}` : issue.message };
}

function formatPath(path: PropertyKey[]): string {
  return path.map((key, i) => (typeof key === 'number' ? `[${key}]` : `${i ? '.' : ''}${String(key)}`)).join('');
}

/**
 * The node whose block contains a 1-based line: the last key at the nodes'
 * indentation above it. Lets a syntax error say which node to look at.
 */
function nodeNearLine(text: string, line: number): string | null {
  const lines = text.split(/\r?\n/);
  const nodesAt = lines.findIndex((l) => /^nodes:\s*(#.*)?$/.test(l));
  if (nodesAt < 0 || nodesAt >= line - 1) return null;
  let indent: number | null = null;
  let found: string | null = null;
  for (const l of lines.slice(nodesAt + 1, line)) {
    if (!l.trim() || l.trimStart().startsWith('#')) continue;
    const width = l.length - l.trimStart().length;
    if (width === 0) return null;
    indent ??= width;
    const key = /^\s*([a-z0-9][a-z0-9-]*):\s*(#.*)?$/.exec(l);
    if (width === indent && key?.[1]) found = key[1];
  }
  return found;
}
