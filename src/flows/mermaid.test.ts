import { describe, expect, it } from 'vitest';
import { realDocs } from '../../tests/fixtures/flows/real-docs.ts';
import { loadFlows, parseFlowFile } from './load-flows.ts';
import { escapeLabel, toMermaid } from './mermaid.ts';

describe('toMermaid', () => {
  const workers = loadFlows('knowledge/flows', realDocs()).find((f) => f.id === 'workers');
  if (!workers) throw new Error('workers tree missing');
  const chart = toMermaid(workers);

  it('draws questions as diamonds, answers rounded and escalations as hexagons', () => {
    expect(chart.split('\n')[0]).toBe('flowchart TD');
    expect(chart).toContain('  start(["Workers errors (1101, 1102)"]) --> n_audience');
    expect(chart).toContain('  n_1102_kind{"Which limit does the Worker exceed?"}');
    expect(chart).toContain('  n_1102_cpu("Reduce the Worker\'s CPU time")');
    expect(chart).toContain('  n_1101_escalate{{"Escalate to Cloudflare Support"}}');
    expect(chart).toContain('  n_visitor_report{{"Escalate to the site owner"}}');
  });

  it('labels option edges and dots the "not solved" edges', () => {
    expect(chart).toContain('  n_1102_kind -->|"Memory (128 MB)"| n_1102_memory');
    expect(chart).toContain('  n_1101_debug -.->|"not solved"| n_1101_escalate');
  });

  it('styles answers and escalations differently', () => {
    expect(chart).toContain('  class n_1101_debug,n_1102_find,n_1102_cpu,n_1102_memory answer');
    expect(chart).toContain('  class n_visitor_report,n_1101_escalate,n_1102_escalate escalate');
  });

  it('escapes characters that would break a label', () => {
    expect(escapeLabel('Is it "branded" <b>#1</b> `code`?\n')).toBe('Is it #quot;branded#quot; #lt;b#gt;#35;1#lt;/b#gt; #96;code#96;?');
    const flow = parseFlowFile('x.yaml', `id: x\ntitle: 'A "quoted" title'\ndescription: d\ntriggers: {}\nstart: end\nnodes:\n  end: { type: answer, title: 'x > y', text: t, cites: [{ page: p }] }\n`);
    expect(toMermaid(flow)).toContain('start(["A #quot;quoted#quot; title"]) --> n_end');
    expect(toMermaid(flow)).toContain('n_end("x #gt; y")');
  });
});
