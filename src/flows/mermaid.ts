import type { EscalationTarget, Flow, FlowNode } from './schema.ts';

/**
 * A Mermaid flowchart of one tree, for reviewing a tree on GitHub or in docs:
 * questions are diamonds, answers rounded boxes, escalations hexagons, and
 * "did not solve it" edges dotted.
 */
export function toMermaid(flow: Flow): string {
  const lines = ['flowchart TD', `  start(["${escapeLabel(flow.title)}"]) --> ${mermaidId(flow.start)}`];
  for (const [id, node] of Object.entries(flow.nodes)) {
    lines.push(`  ${mermaidId(id)}${shape(node)}`);
  }
  for (const [id, node] of Object.entries(flow.nodes)) {
    if (node.type === 'question') {
      for (const option of node.options) lines.push(`  ${mermaidId(id)} -->|"${escapeLabel(option.label)}"| ${mermaidId(option.next)}`);
    } else if (node.type === 'answer' && node.ifNotSolved) {
      lines.push(`  ${mermaidId(id)} -.->|"not solved"| ${mermaidId(node.ifNotSolved)}`);
    }
  }
  const ofType = (type: FlowNode['type']) => Object.entries(flow.nodes).filter(([, n]) => n.type === type).map(([id]) => mermaidId(id));
  lines.push('  classDef answer fill:#e6f4ea,stroke:#34a853');
  lines.push('  classDef escalate fill:#fce8e6,stroke:#ea4335');
  for (const type of ['answer', 'escalate'] as const) {
    const ids = ofType(type);
    if (ids.length) lines.push(`  class ${ids.join(',')} ${type}`);
  }
  return lines.join('\n');
}

function shape(node: FlowNode): string {
  if (node.type === 'question') return `{"${escapeLabel(node.text)}"}`;
  if (node.type === 'answer') return `("${escapeLabel(node.title)}")`;
  return `{{"${escapeLabel(`Escalate to ${TARGET_NAMES[node.target]}`)}"}}`;
}

const TARGET_NAMES: Record<EscalationTarget, string> = {
  'cloudflare-support': 'Cloudflare Support',
  'site-owner': 'the site owner',
  'hosting-provider': 'the hosting provider',
};

/** Node ids are slugs; `n_` keeps Mermaid keywords such as `end` from being read as syntax. */
function mermaidId(id: string): string {
  return `n_${id.replace(/-/g, '_')}`;
}

/** Mermaid entity codes: quotes, angle brackets and backticks would otherwise end or restyle the label. */
export function escapeLabel(text: string): string {
  return text
    .replace(/#/g, '#35;')
    .replace(/"/g, '#quot;')
    .replace(/</g, '#lt;')
    .replace(/>/g, '#gt;')
    .replace(/`/g, '#96;')
    .replace(/\s+/g, ' ')
    .trim();
}
