import { describe, expect, it } from 'vitest';
import { realDocs } from '../../tests/fixtures/flows/real-docs.ts';
import { notSolvedWords } from '../conversation/flow-replies.ts';
import { shippedWording } from '../../tests/support/shipped-wording.ts';
import { loadFlows } from './load-flows.ts';
import { chooseOption, notSolved, startFlow, type Evidence, type FlowStep } from './runner.ts';
import type { Cite, Flow } from './schema.ts';

const NOT_SOLVED = notSolvedWords(shippedWording);

/**
 * Every way through every shipped tree, driven through the runner exactly as
 * the engine drives it: each option of each question, then "not solved" from
 * each answer, until an escalation or a node already on the path.
 */

const docs = realDocs();
const flows = loadFlows('knowledge/flows', docs);
const flowById = new Map(flows.map((f) => [f.id, f]));

type Walk = { flow: string; moves: string[]; end: Exclude<FlowStep, { kind: 'question' }> };

function walkAll(flow: Flow, evidence: Evidence = {}): Walk[] {
  const walks: Walk[] = [];
  const visit = (current: FlowStep, moves: string[], seen: Set<string>) => {
    if (current.kind === 'question') {
      for (const option of current.node.options) {
        const next = chooseOption(flow, current.state, option.id, evidence);
        if (next.kind === 'invalid-option') throw new Error(`${flow.id}: ${option.id} rejected at ${current.state.nodeId}`);
        if (!seen.has(next.state.nodeId)) visit(next, [...moves, option.id], new Set([...seen, next.state.nodeId]));
      }
      return;
    }
    walks.push({ flow: flow.id, moves, end: current });
    if (current.kind !== 'answer') return;
    const next = notSolved(flow, current.state, NOT_SOLVED, evidence);
    // Without ifNotSolved the runner escalates in place (same nodeId), so record it rather than treat it as a revisit.
    if (!current.node.ifNotSolved && next.kind === 'escalate') walks.push({ flow: flow.id, moves: [...moves, '!'], end: next });
    else if (!seen.has(next.state.nodeId)) visit(next, [...moves, '!'], new Set([...seen, next.state.nodeId]));
  };
  const first = startFlow(flow, evidence);
  visit(first, [], new Set([first.state.nodeId]));
  return walks;
}

const citeExists = (cite: Cite) => {
  const page = docs.pageById.get(cite.page);
  return Boolean(page && (!cite.section || page.sections.some((s) => s.anchor === cite.section)));
};

describe.each(flows.map((f) => [f.id, f] as const))('every path through %s', (_id, flow) => {
  const walks = walkAll(flow);

  it('ends in an answer citing real docs or an escalation with a checklist', () => {
    expect(walks.length).toBeGreaterThan(0);
    for (const walk of walks) {
      expect(walk.end.node.cites.length, walk.moves.join(' > ')).toBeGreaterThan(0);
      expect(walk.end.node.cites.every(citeExists), walk.moves.join(' > ')).toBe(true);
      if (walk.end.kind === 'escalate') expect(walk.end.node.checklist.length).toBeGreaterThan(0);
    }
  });

  it('reaches every answer and escalation in the file', () => {
    const leaves = Object.entries(flow.nodes).filter(([, n]) => n.type !== 'question').map(([id]) => id);
    const reached = new Set(walks.map((w) => w.end.state.nodeId));
    expect(leaves.filter((id) => !reached.has(id))).toEqual([]);
  });
});

const owner: Evidence = { audience: { value: 'owner', because: 'it is your own site' } };
const fact = (value: string) => ({ value, because: `test says ${value}` });

/** Moves are option ids, "!" for "did not solve it". */
const IMPORTANT: { name: string; flow: string; evidence: Evidence; moves: string[]; kind: 'answer' | 'escalate'; node: string; cites: string; target?: string }[] = [
  { name: '502, blank page that mentions cloudflare', flow: '5xx-triage', evidence: { ...owner, code: fact('502'), branded: fact('no') }, moves: ['yes'], kind: 'answer', node: '502-compression', cites: 'error-502-504#502504-from-cloudflare' },
  { name: '502, branded page', flow: '5xx-triage', evidence: { ...owner, code: fact('502') }, moves: ['branded'], kind: 'answer', node: '502-origin', cites: 'error-502-504#502504-from-your-origin-web-server' },
  { name: '504 from Cloudflare, not solved twice', flow: '5xx-triage', evidence: { ...owner, code: fact('504'), branded: fact('no') }, moves: ['yes', '!', '!'], kind: 'escalate', node: '502-escalate', cites: 'error-502-504#502504-from-cloudflare', target: 'cloudflare-support' },
  { name: '500 mentioning cloudflare, not solved', flow: '5xx-triage', evidence: { ...owner, code: fact('500'), branded: fact('yes') }, moves: ['!'], kind: 'escalate', node: '500-escalate', cites: 'error-500#resolution', target: 'cloudflare-support' },
  { name: '503 without cloudflare', flow: '5xx-triage', evidence: { ...owner, code: fact('503'), branded: fact('no') }, moves: [], kind: 'answer', node: '503-origin', cites: 'error-503#503-error-without-cloudflare-or-cloudflare-nginx' },
  { name: 'visitor seeing a 502', flow: '5xx-triage', evidence: { audience: fact('visitor'), code: fact('502') }, moves: [], kind: 'escalate', node: 'visitor-report', cites: 'cloudflare-5xx-errors', target: 'site-owner' },
  { name: '522 on own origin, all checks pass', flow: 'origin-connectivity', evidence: { ...owner, code: fact('522') }, moves: ['origin', 'yes', 'yes', 'yes', '!'], kind: 'escalate', node: 'mtr-escalate', cites: 'error-522#resolution', target: 'cloudflare-support' },
  { name: '522 from a Worker fetching itself', flow: 'origin-connectivity', evidence: { ...owner, code: fact('522') }, moves: ['worker'], kind: 'answer', node: '522-worker', cites: 'error-522#resolution' },
  { name: '521 with Flexible', flow: 'origin-connectivity', evidence: { ...owner, code: fact('521'), sslMode: fact('flexible') }, moves: ['yes', 'yes'], kind: 'answer', node: 'port-80', cites: 'error-521#resolution' },
  { name: '523 with a stale DNS record, not solved twice', flow: 'origin-connectivity', evidence: { ...owner, code: fact('523') }, moves: ['no', '!', '!'], kind: 'escalate', node: 'mtr-escalate', cites: 'error-523#resolution', target: 'cloudflare-support' },
  { name: '524 long exports', flow: 'origin-connectivity', evidence: { ...owner, code: fact('524') }, moves: ['yes'], kind: 'answer', node: '524-long-requests', cites: 'error-524#resolution-on-cloudflare' },
  { name: '520 not solved', flow: 'origin-connectivity', evidence: { ...owner, code: fact('520') }, moves: ['!', 'no'], kind: 'escalate', node: '520-escalate', cites: 'error-520#resolution', target: 'cloudflare-support' },
  { name: '525 without a certificate', flow: 'ssl-tls', evidence: { ...owner, code: fact('525') }, moves: ['no'], kind: 'answer', node: '525-install-cert', cites: 'error-525#resolution' },
  { name: '526 self-signed', flow: 'ssl-tls', evidence: { ...owner, code: fact('526') }, moves: ['site', 'self-signed'], kind: 'answer', node: '526-self-signed', cites: 'error-526#resolution' },
  { name: 'redirect loop on Flexible', flow: 'ssl-tls', evidence: { ...owner, sslMode: fact('flexible') }, moves: ['redirect-loop'], kind: 'answer', node: 'redirect-flexible', cites: 'error-521#resolution' },
  { name: 'visitor blocked by 1020', flow: 'access-denied', evidence: { audience: fact('visitor'), code: fact('1020') }, moves: [], kind: 'escalate', node: 'visitor-contact-owner', cites: 'error-1020#resolution', target: 'site-owner' },
  { name: 'owner with a 1020', flow: 'access-denied', evidence: { ...owner, code: fact('1020') }, moves: [], kind: 'answer', node: 'find-event', cites: 'error-1020#resolution' },
  { name: 'owner: Browser Integrity Check', flow: 'access-denied', evidence: { ...owner, code: fact('1020') }, moves: ['!', 'bic'], kind: 'answer', node: 'bic', cites: 'error-1010#resolution' },
  { name: 'owner hitting API rate limits', flow: 'access-denied', evidence: { ...owner, code: fact('429') }, moves: ['api'], kind: 'answer', node: 'api-limits', cites: 'error-429#cloudflare-api-limits' },
  { name: 'tunnel 1033 with cloudflared stopped', flow: 'dns-host', evidence: { ...owner, code: fact('1033'), cloudflaredRunning: fact('no') }, moves: [], kind: 'answer', node: 'tunnel-start', cites: 'error-1033#resolution' },
  { name: '530 carrying a SaaS 1016', flow: 'dns-host', evidence: { ...owner, code: fact('530') }, moves: ['1016', 'saas'], kind: 'answer', node: '1016-saas', cites: 'error-1016#resolution-1' },
  { name: '1101 not solved', flow: 'workers', evidence: { ...owner, code: fact('1101') }, moves: ['!'], kind: 'escalate', node: '1101-escalate', cites: 'error-1101#resolution', target: 'cloudflare-support' },
  { name: 'Enterprise emergency', flow: 'contacting-support', evidence: { plan: fact('enterprise') }, moves: ['yes'], kind: 'answer', node: 'emergency-phone', cites: 'contacting-cloudflare-support#authenticating-your-account' },
  { name: 'Pro plan needs a case', flow: 'contacting-support', evidence: { plan: fact('pro') }, moves: ['!'], kind: 'escalate', node: 'open-case', cites: 'contacting-cloudflare-support#getting-help-with-an-issue', target: 'cloudflare-support' },
];

describe('important paths', () => {
  it.each(IMPORTANT.map((p) => [p.name, p] as const))('%s', (_name, path) => {
    const flow = flowById.get(path.flow);
    if (!flow) throw new Error(`no flow ${path.flow}`);
    let current: FlowStep = startFlow(flow, path.evidence);
    for (const move of path.moves) {
      const next: FlowStep | { kind: 'invalid-option' } = move === '!' ? notSolved(flow, current.state, NOT_SOLVED, path.evidence) : chooseOption(flow, current.state, move, path.evidence);
      if (next.kind === 'invalid-option') throw new Error(`"${move}" rejected at ${current.state.nodeId}`);
      current = next;
    }
    expect({ kind: current.kind, node: current.state.nodeId }).toEqual({ kind: path.kind, node: path.node });
    if (current.kind === 'question') return;
    expect(current.node.cites.map((c) => (c.section ? `${c.page}#${c.section}` : c.page))).toContain(path.cites);
    if (current.kind === 'escalate') expect(current.node.target).toBe(path.target);
  });

  it('the 5xx triage hands 520–526 and 530 over to their own trees', () => {
    const triage = flowById.get('5xx-triage');
    if (!triage) throw new Error('no 5xx-triage');
    const handOver = (code: string) => {
      const s = startFlow(triage, { ...owner, code: fact(code) });
      return s.kind === 'answer' ? s.node.continueWith : undefined;
    };
    expect([handOver('522'), handOver('526'), handOver('530')]).toEqual(['origin-connectivity', 'ssl-tls', 'dns-host']);
  });
});
