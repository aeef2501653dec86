/**
 * How a broken tree is reported: the same `file: node "x": reason` line in
 * start-up failures, `kb lint` output and tests, so an author can jump to it.
 */
export type LintProblem = {
  file: string;
  /** Node id, or null when the problem is about the whole tree (id, start, triggers) or the file itself. */
  node: string | null;
  reason: string;
};

export function formatProblem(problem: LintProblem): string {
  return problem.node === null ? `${problem.file}: ${problem.reason}` : `${problem.file}: node "${problem.node}": ${problem.reason}`;
}

export class FlowError extends Error {
  constructor(readonly problems: LintProblem[]) {
    super(problems.map(formatProblem).join('\n'));
    this.name = 'FlowError';
  }
}
