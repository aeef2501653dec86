/**
 * Choice ids the engine hands to doors and reads back. Short (doors add a
 * namespace within platform limits) and self-describing, so a stale id can be
 * told apart from a forged one.
 */
export const CHOICE = {
  solvedYes: 'solved:yes',
  solvedNo: 'solved:no',
  escalate: 'escalate',
  restart: 'restart',
  flowOption: (flowId: string, nodeId: string, optionId: string) => `opt:${flowId}:${nodeId}:${optionId}`.slice(0, 80),
  suggestion: (pageId: string) => `page:${pageId}`.slice(0, 80),
  startFlow: (flowId: string) => `flow:${flowId}`.slice(0, 80),
} as const;

export type ParsedChoice =
  | { kind: 'solved'; solved: boolean }
  | { kind: 'escalate' }
  | { kind: 'restart' }
  | { kind: 'flow-option'; flowId: string; nodeId: string; optionId: string }
  | { kind: 'suggestion'; pageId: string }
  | { kind: 'start-flow'; flowId: string }
  | { kind: 'unknown' };

export function parseChoice(id: string): ParsedChoice {
  if (id === CHOICE.solvedYes) return { kind: 'solved', solved: true };
  if (id === CHOICE.solvedNo) return { kind: 'solved', solved: false };
  if (id === CHOICE.escalate) return { kind: 'escalate' };
  if (id === CHOICE.restart) return { kind: 'restart' };
  const [prefix, ...rest] = id.split(':');
  if (prefix === 'opt' && rest.length === 3 && rest.every(Boolean)) return { kind: 'flow-option', flowId: rest[0] ?? '', nodeId: rest[1] ?? '', optionId: rest[2] ?? '' };
  if (prefix === 'page' && rest[0]) return { kind: 'suggestion', pageId: rest.join(':') };
  if (prefix === 'flow' && rest[0]) return { kind: 'start-flow', flowId: rest.join(':') };
  return { kind: 'unknown' };
}
