import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { realDocs } from '../../tests/fixtures/flows/real-docs.ts';
import { checkFlowDir, loadFlows, parseFlowFile } from './load-flows.ts';
import { lintFlow, lintFlowSet } from './lint.ts';
import { FlowError, formatProblem } from './problems.ts';

const docs = realDocs();
const BROKEN = 'tests/fixtures/flows/broken';

/** Every problem one fixture file produces, formatted the way start-up and `kb lint` print them. */
function problemsOf(name: string): string[] {
  const file = join(BROKEN, name);
  try {
    return lintFlow(parseFlowFile(file, readFileSync(file, 'utf8')), file, docs).map(formatProblem);
  } catch (error) {
    if (error instanceof FlowError) return error.problems.map(formatProblem);
    throw error;
  }
}

describe('shipped trees', () => {
  it('load against the real docs with no lint problems', () => {
    const { flows, problems } = checkFlowDir('knowledge/flows', docs);
    expect(problems.map(formatProblem)).toEqual([]);
    expect(flows.map((f) => f.flow.id).sort()).toEqual(['5xx-triage', 'access-denied', 'contacting-support', 'dns-host', 'origin-connectivity', 'slow-site', 'ssl-tls', 'workers']);
  });

  it('give every answer a next step for "not solved", except the Free-plan community pointer', () => {
    const open = loadFlows('knowledge/flows', docs).flatMap((f) =>
      Object.entries(f.nodes).filter(([, n]) => n.type === 'answer' && !n.ifNotSolved).map(([id]) => `${f.id}/${id}`));
    expect(open).toEqual(['contacting-support/free-community']);
  });
});

describe('broken trees fail naming file, node and reason', () => {
  it.each([
    ['missing-next.yaml', `${BROKEN}/missing-next.yaml: node "check-mode": option "full" -> next "nope" does not exist`],
    ['unreachable.yaml', `${BROKEN}/unreachable.yaml: node "orphan": is unreachable from start "done"`],
    ['dead-end-question.yaml', `${BROKEN}/dead-end-question.yaml: node "ask": question has no options, so the conversation dead-ends here`],
    ['cycle.yaml', `${BROKEN}/cycle.yaml: node "ping": no path from here reaches an answer or escalation (a cycle or dead end)`],
    ['unknown-page.yaml', `${BROKEN}/unknown-page.yaml: node "done": cites page "error-9999", which is not in the docs`],
    ['unknown-anchor.yaml', `${BROKEN}/unknown-anchor.yaml: node "done": cites "error-502-504#502504-from-cloudflar", but that page has no section with that anchor (did you mean "502504-from-cloudflare"?)`],
    ['schema-error.yaml', `${BROKEN}/schema-error.yaml: node "ask": options[0]: Unrecognized key: "nxt"`],
    ['duplicate-option.yaml', `${BROKEN}/duplicate-option.yaml: node "ask": option id "same" is used twice`],
    ['bad-trigger-code.yaml', `${BROKEN}/bad-trigger-code.yaml: trigger code "52" is not a 3–5 digit code`],
  ])('%s', (name, expected) => {
    expect(problemsOf(name)).toContain(expected);
  });

  it('bad YAML syntax names the file, the line and the node it is in', () => {
    expect(problemsOf('bad-syntax.yaml')).toEqual([`${BROKEN}/bad-syntax.yaml: node "broken": YAML syntax error at line 16, column 1: Missing closing "quote`]);
  });

  it('loadFlows throws one FlowError listing every problem in the folder', () => {
    let thrown: unknown;
    try {
      loadFlows(BROKEN, docs);
    } catch (error) {
      thrown = error;
    }
    expect(thrown).toBeInstanceOf(FlowError);
    const message = (thrown as FlowError).message;
    for (const name of ['missing-next', 'unreachable', 'dead-end-question', 'unknown-page', 'unknown-anchor', 'bad-syntax', 'schema-error']) {
      expect(message).toContain(`${BROKEN}/${name}.yaml: `);
    }
  });

  it('flow ids must be unique across files', () => {
    const { problems } = checkFlowDir('tests/fixtures/flows/duplicate-ids', docs);
    expect(problems.map(formatProblem)).toEqual([
      'tests/fixtures/flows/duplicate-ids/b.yaml: flow id "same-id" is already used by tests/fixtures/flows/duplicate-ids/a.yaml',
    ]);
  });

  it('a bad node id or an empty file gets a message that says what is expected', () => {
    const problems = (yaml: string) => {
      try {
        parseFlowFile('x.yaml', yaml);
        return [];
      } catch (error) {
        return (error as FlowError).problems.map(formatProblem);
      }
    };
    expect(problems('id: x\ntitle: t\ndescription: d\ntriggers: {}\nstart: a\nnodes:\n  Bad_Id: { type: answer, title: t, text: t, cites: [{ page: p }] }\n'))
      .toEqual(['x.yaml: node "Bad_Id": node id must be a lowercase slug (a-z, 0-9, -)']);
    expect(problems('')).toEqual(['x.yaml: expected a mapping with id, title, description, triggers, start and nodes']);
    expect(problems('id: x\ntitle: t\ndescription: d\ntriggers: {}\nstart: a\nnodes:\n  a: { type: anwser }\n'))
      .toEqual([`x.yaml: node "a": type: Invalid discriminator value. Expected 'question' | 'answer' | 'escalate'`]);
  });

  it('a missing folder is a problem, not a crash', () => {
    expect(() => loadFlows('tests/fixtures/flows/no-such-dir', docs)).toThrow(/no-such-dir: cannot read flow directory/);
  });
});

describe('lint of a tree built in code', () => {
  const file = 'inline.yaml';
  const tree = (yaml: string) => parseFlowFile(file, yaml);

  it('rejects a trigger code owned by two trees and an unknown continueWith', () => {
    const a = tree(`id: a\ntitle: A\ndescription: A\ntriggers: { codes: ['522'] }\nstart: x\nnodes:\n  x: { type: answer, title: X, text: X, cites: [{ page: error-522 }], continueWith: nowhere }\n`);
    const b = tree(`id: b\ntitle: B\ndescription: B\ntriggers: { codes: [522] }\nstart: x\nnodes:\n  x: { type: answer, title: X, text: X, cites: [{ page: error-522 }] }\n`);
    expect(lintFlowSet([{ file: 'a.yaml', flow: a }, { file: 'b.yaml', flow: b }]).map(formatProblem)).toEqual([
      'b.yaml: trigger code "522" already starts flow "a"',
      'a.yaml: node "x": continueWith "nowhere" is not a known flow id',
    ]);
  });

  it('flags phrases and evidence values that would make a question ambiguous', () => {
    const flow = tree(`id: t\ntitle: T\ndescription: T\ntriggers: {}\nstart: q\nnodes:
  q:
    type: question
    evidence: branded
    text: Branded?
    options:
      - { id: a, label: A, match: [logo], evidenceValue: 'yes', next: done }
      - { id: b, label: B, match: [Logo], evidenceValue: 'YES', next: done }
  done: { type: answer, title: D, text: D, cites: [{ page: error-522 }] }
`);
    expect(lintFlow(flow, file, docs).map(formatProblem)).toEqual([
      'inline.yaml: node "q": match phrase "logo" is on both option "a" and option "b"',
      'inline.yaml: node "q": evidence value "yes" picks both option "a" and option "b"',
    ]);
  });
});
