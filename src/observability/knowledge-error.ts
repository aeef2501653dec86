import { FlowError } from '../flows/problems.ts';
import { KnowledgeParseError } from '../knowledge/parse-docs.ts';

/** file, node and reason of a knowledge load failure, for the log line an editor acts on. */
export function describeKnowledgeError(error: unknown): { file?: string; node?: string; reason: string } {
  if (error instanceof FlowError) {
    const first = error.problems[0];
    return { ...(first ? { file: first.file } : {}), ...(first?.node ? { node: first.node } : {}), reason: error.problems.map((p) => (p.node ? `node "${p.node}": ${p.reason}` : p.reason)).join('; ') };
  }
  if (error instanceof KnowledgeParseError) return { file: error.file, node: error.record, reason: error.message.slice(error.file.length + error.record.length + 4) };
  const message = error instanceof Error ? error.message : String(error);
  // A data file that parses but breaks its schema (support, wording) lists "  key: reason" lines.
  const invalid = /^(\S+\.ya?ml) is invalid:\n([\s\S]*)$/.exec(message);
  if (invalid?.[1] && invalid[2]) return { file: invalid[1], reason: invalid[2].split('\n').map((line) => line.trim()).join('; ') };
  // YAML data files (synonyms, scope, support) report "file: reason".
  const match = /^(\S+\.(?:ya?ml|txt|xml|md)): ([\s\S]*)$/.exec(message);
  return match?.[1] && match[2] ? { file: match[1], reason: match[2] } : { reason: message };
}
