import { describe, expect, it } from 'vitest';
import { reasonText, type Reason } from '../knowledge/reason.ts';
import { realDocs } from '../../tests/fixtures/flows/real-docs.ts';
import { notSolvedWords } from '../conversation/flow-replies.ts';
import { shippedWording } from '../../tests/support/shipped-wording.ts';
import { loadFlows, parseFlowFile } from './load-flows.ts';
import { answerFromStatement, answerWithText, chooseOption, findFlowForCode, findFlowForText, GENERIC_ESCALATION, notSolved, startFlow, type Evidence, type FlowStep } from './runner.ts';
import type { Flow } from './schema.ts';

/** A path step or skipped question with its reason as the user reads it ("Since you said …"). */
function shown<T extends { because?: Reason }>(entry: T | undefined): T | undefined {
  return entry && { ...entry, ...(entry.because !== undefined ? { because: reasonText(shippedWording, entry.because) } : {}) };
}

const NOT_SOLVED = notSolvedWords(shippedWording);

const flows = loadFlows('knowledge/flows', realDocs());
const flow = (id: string): Flow => {
  const found = flows.find((f) => f.id === id);
  if (!found) throw new Error(`no flow ${id}`);
  return found;
};
const owner: Evidence = { audience: { value: 'owner', because: 'it is your own site' } };

/** Narrows a runner result to a step, failing the test with the actual kind otherwise. */
function step(result: FlowStep | { kind: 'invalid-option' } | { kind: 'no-match' }): FlowStep {
  if (result.kind === 'invalid-option' || result.kind === 'no-match') throw new Error(`expected a step, got ${result.kind}`);
  return result;
}

describe('evidence answers questions before they are asked', () => {
  it('a pasted branded 502 page goes straight to the origin answer, saying why', () => {
    const evidence: Evidence = {
      ...owner,
      code: { value: '502', because: 'you mentioned error 502' },
      branded: { value: 'yes', because: 'you pasted a Cloudflare-branded error page' },
    };
    const result = startFlow(flow('5xx-triage'), evidence);
    expect(result.kind).toBe('answer');
    expect(result.state.nodeId).toBe('502-origin');
    expect(result.skipped).toEqual([
      { question: 'Do you run this website, or are you visiting someone else\'s site?', answer: 'I run this site (or manage its Cloudflare account)', because: 'it is your own site' },
      { question: 'Which error code do you see?', answer: '502 Bad Gateway', because: 'you mentioned error 502' },
      { question: 'What does the 502/504 error look like?', answer: 'A Cloudflare-branded error page', because: 'you pasted a Cloudflare-branded error page' },
    ]);
    expect(result.state.path.map((p) => p.via)).toEqual(['evidence', 'evidence', 'evidence']);
  });

  it('a visitor is sent to the site owner without any question', () => {
    const result = startFlow(flow('access-denied'), { audience: { value: 'visitor', because: 'you said you were visiting the site' }, code: { value: '1020', because: 'the page shows error 1020' } });
    expect(result.kind).toBe('escalate');
    if (result.kind !== 'escalate') return;
    expect(result.node.target).toBe('site-owner');
    expect(result.skipped.map((s) => s.because)).toEqual(['you said you were visiting the site', 'the page shows error 1020']);
  });

  it('evidence values compare case-insensitively and an unknown value still asks', () => {
    expect(startFlow(flow('5xx-triage'), { audience: { value: 'OWNER', because: 'x' } }).state.nodeId).toBe('which-code');
    expect(startFlow(flow('5xx-triage'), { audience: { value: 'robot', because: 'x' } }).kind).toBe('question');
  });

  it('an answer given earlier in the tree answers a later question with the same key', () => {
    const origin = flow('origin-connectivity');
    let s = startFlow(origin, owner);
    s = step(chooseOption(origin, s.state, '521'));
    s = step(chooseOption(origin, s.state, 'yes')); // origin answers directly
    s = step(chooseOption(origin, s.state, 'yes')); // Cloudflare IPs allowed
    expect(s.state.nodeId).toBe('ssl-mode');
    expect(shown(s.state.path.at(-1))).toEqual({ nodeId: 'after-ips', question: 'Which error are you troubleshooting?', answer: '521', via: 'evidence', because: 'you answered "521 Web server is down" earlier' });
    // Already settled by the user's own answer, so the engine need not announce it again.
    expect(s.skipped).toEqual([]);
  });

  it('does not loop forever when auto-answers point back at each other', () => {
    const loop = parseFlowFile('loop.yaml', `id: loop\ntitle: L\ndescription: L\ntriggers: {}\nstart: a\nnodes:
  a: { type: question, evidence: k, text: A?, options: [{ id: x, label: X, evidenceValue: v, next: b }, { id: out, label: Out, next: done }] }
  b: { type: question, evidence: k, text: B?, options: [{ id: x, label: X, evidenceValue: v, next: a }] }
  done: { type: answer, title: D, text: D, cites: [{ page: error-522 }] }
`);
    const result = startFlow(loop, { k: { value: 'v', because: 'test' } });
    expect(result.kind).toBe('question');
    expect(result.state.nodeId).toBe('a');
  });
});

describe('free-text replies', () => {
  const triage = flow('5xx-triage');
  const at502Page = () => startFlow(triage, { ...owner, code: { value: '502', because: 'you mentioned 502' } }).state;

  it.each([
    ["it's branded", '502-origin'],
    ['It has the Cloudflare logo and a Ray ID', '502-origin'],
    ['no logo, just blank', '502-mentions-cloudflare'],
    ['Not branded.', '502-mentions-cloudflare'],
    ['1', '502-origin'],
    ['A blank page without Cloudflare branding', '502-mentions-cloudflare'],
  ])('"%s" -> %s', (text, node) => {
    expect(step(answerWithText(triage, at502Page(), text)).state.nodeId).toBe(node);
  });

  it('generic yes/no words pick the yes/no options', () => {
    const mentions = step(answerWithText(triage, at502Page(), 'blank')).state;
    expect(step(answerWithText(triage, mentions, 'YES!!')).state.nodeId).toBe('502-compression');
    expect(step(answerWithText(triage, mentions, 'nope')).state.nodeId).toBe('502-origin');
  });

  it('"I\'m a visitor" picks the visitor branch; "not my site" beats "my site"', () => {
    const start = startFlow(triage).state;
    expect(step(answerWithText(triage, start, "I'm a visitor")).state.nodeId).toBe('visitor-report');
    expect(step(answerWithText(triage, start, "it's not my site")).state.nodeId).toBe('visitor-report');
    expect(step(answerWithText(triage, start, "it's my site")).state.nodeId).toBe('which-code');
  });

  it('records the reply as text with the chosen label', () => {
    const result = step(answerWithText(triage, at502Page(), "it's branded"));
    expect(result.state.path.at(-1)).toEqual({ nodeId: '502-page', question: 'What does the 502/504 error look like?', answer: 'A Cloudflare-branded error page', via: 'text' });
  });

  it('a reply that fits two options is no-match', () => {
    expect(answerWithText(triage, at502Page(), 'branded or maybe blank')).toEqual({ kind: 'no-match' });
  });

  it.each([['hmm'], ['no idea'], ['yes and no'], ['']])('an unclear reply to a yes/no question ("%s") is no-match', (text) => {
    const mentions = step(answerWithText(triage, at502Page(), 'blank')).state;
    expect(answerWithText(triage, mentions, text)).toEqual({ kind: 'no-match' });
  });

  it('text at an answer step is no-match', () => {
    const answer = startFlow(triage, { ...owner, code: { value: '502', because: 'x' }, branded: { value: 'yes', because: 'y' } });
    expect(answerWithText(triage, answer.state, 'yes')).toEqual({ kind: 'no-match' });
  });
});

describe('choices and "not solved"', () => {
  const triage = flow('5xx-triage');

  it('an option the question does not offer is invalid, as is a state from another tree', () => {
    const start = startFlow(triage);
    expect(chooseOption(triage, start.state, 'nope')).toEqual({ kind: 'invalid-option' });
    expect(chooseOption(flow('workers'), start.state, 'owner')).toEqual({ kind: 'invalid-option' });
  });

  it('a button press records the label with via "choice"', () => {
    const result = step(chooseOption(triage, startFlow(triage).state, 'owner'));
    expect(result.state.path).toEqual([{ nodeId: 'audience', question: "Do you run this website, or are you visiting someone else's site?", answer: 'I run this site (or manage its Cloudflare account)', via: 'choice' }]);
  });

  it('"not solved" follows ifNotSolved, then stays on the escalation', () => {
    const answer = startFlow(triage, { ...owner, code: { value: '500', because: 'x' }, branded: { value: 'yes', because: 'y' } });
    expect(answer.state.nodeId).toBe('500-cloudflare');
    const escalation = notSolved(triage, answer.state, NOT_SOLVED);
    expect(escalation.kind).toBe('escalate');
    expect(escalation.state.nodeId).toBe('500-escalate');
    expect(escalation.state.path.at(-1)).toEqual({ nodeId: '500-cloudflare', question: 'Did that solve it?', answer: 'No', via: 'choice' });
    expect(notSolved(triage, escalation.state, NOT_SOLVED)).toEqual({ kind: 'escalate', state: escalation.state, node: triage.nodes['500-escalate'], skipped: [] });
  });

  it('an answer without ifNotSolved escalates with the contacting-support checklist', () => {
    const support = flow('contacting-support');
    const answer = step(chooseOption(support, startFlow(support, { plan: { value: 'free', because: 'you are on Free' } }).state, 'no'));
    expect(answer.state.nodeId).toBe('free-community');
    const result = notSolved(support, answer.state, NOT_SOLVED);
    expect(result).toMatchObject({ kind: 'escalate', node: GENERIC_ESCALATION });
  });
});

describe('finding the tree', () => {
  it.each([
    ['502', '5xx-triage'], ['522', 'origin-connectivity'], ['526', 'ssl-tls'], ['1020', 'access-denied'], ['429', 'access-denied'],
    ['1033', 'dns-host'], ['530', 'dns-host'], ['1101', 'workers'],
  ])('code %s -> %s', (code, id) => {
    expect(findFlowForCode(flows, code)?.id).toBe(id);
  });

  it('an unknown code finds nothing', () => {
    expect(findFlowForCode(flows, '9999')).toBeUndefined();
  });

  it.each([
    ['Chrome says ERR_TOO_MANY_REDIRECTS on my site', 'ssl-tls'],
    ['This page redirected you too many times', 'ssl-tls'],
    ['How do I open a ticket?', 'contacting-support'],
    ['Sorry, you have been blocked', 'access-denied'],
    ['cloudflared keeps saying tunnel error', 'dns-host'],
    ['bad gateway on my homepage', '5xx-triage'],
  ])('"%s" -> %s', (text, id) => {
    expect(findFlowForText(flows, text)?.id).toBe(id);
  });

  it('keywords match whole words only', () => {
    expect(findFlowForText(flows, 'my pages are slowish')).toBeUndefined();
  });
});

describe('the opening message answers questions in so many words', () => {
  it('"too many redirects" takes the redirect-loop branch and says so', () => {
    const ssl = flow('ssl-tls');
    const result = answerFromStatement(ssl, startFlow(ssl, owner), 'my site says too many redirects after enabling ssl', owner);
    expect(result.kind).toBe('question');
    expect(result.state.nodeId).toBe('redirect-mode');
    expect(shown(result.skipped.at(-1))).toEqual({ question: 'What are you seeing?', answer: 'Too many redirects / a redirect loop', because: 'you said “too many redirects”' });
    expect(result.state.path.at(-1)?.via).toBe('text');
  });

  it('a stray yes or no, or a single matching word, never picks a branch', () => {
    const ssl = flow('ssl-tls');
    const start = startFlow(ssl, owner);
    for (const text of ['yes no', 'it is a loop of some kind', 'handshake']) {
      expect(answerFromStatement(ssl, start, text, owner).state.nodeId).toBe(start.state.nodeId);
    }
  });

  it('phrases pointing at two different options pick neither', () => {
    const ssl = flow('ssl-tls');
    const start = startFlow(ssl, owner);
    const result = answerFromStatement(ssl, start, 'ssl handshake failed and then too many redirects', owner);
    expect(result.state.nodeId).toBe(start.state.nodeId);
  });
});
