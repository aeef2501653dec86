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
  /** By position in the suggestions the engine stored: page ids can be longer than a button id may be. */
  suggestion: (index: number) => `pick:${index}`,
  startFlow: (flowId: string) => `flow:${flowId}`.slice(0, 80),
  /** Check the n-th URL the user gave, from the bot's server. */
  checkUrl: (index: number) => `check:${index}`,
} as const;

export type ParsedChoice =
  | { kind: 'solved'; solved: boolean }
  | { kind: 'escalate' }
  | { kind: 'restart' }
  | { kind: 'flow-option'; flowId: string; nodeId: string; optionId: string }
  | { kind: 'suggestion'; index: number }
  | { kind: 'start-flow'; flowId: string }
  | { kind: 'check-url'; index: number }
  | { kind: 'unknown' };

export function parseChoice(id: string): ParsedChoice {
  if (id === CHOICE.solvedYes) return { kind: 'solved', solved: true };
  if (id === CHOICE.solvedNo) return { kind: 'solved', solved: false };
  if (id === CHOICE.escalate) return { kind: 'escalate' };
  if (id === CHOICE.restart) return { kind: 'restart' };
  const [prefix, ...rest] = id.split(':');
  if (prefix === 'opt' && rest.length === 3 && rest.every(Boolean)) return { kind: 'flow-option', flowId: rest[0] ?? '', nodeId: rest[1] ?? '', optionId: rest[2] ?? '' };
  if (prefix === 'pick' && rest.length === 1 && /^\d{1,2}$/.test(rest[0] ?? '')) return { kind: 'suggestion', index: Number(rest[0]) };
  if (prefix === 'flow' && rest[0]) return { kind: 'start-flow', flowId: rest.join(':') };
  if (prefix === 'check' && rest.length === 1 && /^\d{1,2}$/.test(rest[0] ?? '')) return { kind: 'check-url', index: Number(rest[0]) };
  return { kind: 'unknown' };
}

/** Button labels are capped at 75 characters; cut at a word and mark the cut. */
export function clipLabel(label: string, max = 75): string {
  if (label.length <= max) return label;
  const cut = label.slice(0, max - 1);
  const atWord = cut.slice(0, Math.max(cut.lastIndexOf(' '), max / 2));
  return `${atWord.trimEnd()}…`;
}
