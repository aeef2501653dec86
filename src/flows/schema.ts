import { z } from 'zod';

/**
 * One decision tree, as written in `knowledge/flows/*.yaml`. Objects are strict
 * so a typo such as `nxt:` fails at load instead of silently dropping an edge.
 */

const slug = z.string().regex(/^[a-z0-9][a-z0-9-]*$/, 'must be a lowercase slug (a-z, 0-9, -)');

/** Node ids are slugs too: they appear in Mermaid ids, choice ids and logs. */
export const nodeIdSchema = slug;

/** A pointer into the docs: `page` is a DocPage id, `section` one of its anchors. */
export const citeSchema = z.strictObject({
  page: slug,
  section: z.string().min(1).optional(),
});
export type Cite = z.infer<typeof citeSchema>;

export const optionSchema = z.strictObject({
  id: slug,
  /** Shown on a button: Discord caps labels at 80, the seam at 75. */
  label: z.string().min(1).max(75),
  /** Words or phrases in a free-text reply that pick this option ("it's branded", "cloudflare logo"). */
  match: z.array(z.string().min(1)).default([]),
  /**
   * The evidence value(s) that pick this option without asking. A list lets one
   * branch serve several values (502 and 504 share the same checks).
   */
  evidenceValue: z.union([z.string().min(1), z.array(z.string().min(1)).min(1)]).optional(),
  next: nodeIdSchema,
});
export type FlowOption = z.infer<typeof optionSchema>;

export const questionNodeSchema = z.strictObject({
  type: z.literal('question'),
  text: z.string().min(1),
  /** Evidence key (`branded`, `audience`, `code`, `sslMode`, `plan` …) whose known value answers this question. */
  evidence: z.string().min(1).optional(),
  /** Empty is allowed by the schema so lint can name the dead end instead of a generic "too small". */
  options: z.array(optionSchema).default([]),
  cites: z.array(citeSchema).optional(),
});
export type QuestionNode = z.infer<typeof questionNodeSchema>;

export const answerNodeSchema = z.strictObject({
  type: z.literal('answer'),
  title: z.string().min(1),
  /** Markdown-lite, short, a paraphrase of what the cited sections say. */
  text: z.string().min(1),
  cites: z.array(citeSchema).min(1, 'an answer must cite at least one docs page'),
  /** Next step when the user says this did not solve it; without it the engine escalates. */
  ifNotSolved: nodeIdSchema.optional(),
  /** Another tree that carries on from here (a 5xx triage pointing at the SSL tree); the engine may offer it. */
  continueWith: slug.optional(),
});
export type AnswerNode = z.infer<typeof answerNodeSchema>;

export const escalationTargetSchema = z.enum(['cloudflare-support', 'site-owner', 'hosting-provider']);
export type EscalationTarget = z.infer<typeof escalationTargetSchema>;

export const escalateNodeSchema = z.strictObject({
  type: z.literal('escalate'),
  text: z.string().min(1),
  target: escalationTargetSchema,
  /** The details the docs say to send (HAR files, cdn-cgi/trace output, Ray ID …). */
  checklist: z.array(z.string().min(1)).min(1, 'an escalation must list what to send'),
  cites: z.array(citeSchema).min(1, 'an escalation must cite at least one docs page'),
});
export type EscalateNode = z.infer<typeof escalateNodeSchema>;

export const flowNodeSchema = z.discriminatedUnion('type', [questionNodeSchema, answerNodeSchema, escalateNodeSchema]);
export type FlowNode = z.infer<typeof flowNodeSchema>;

/** YAML reads `codes: [502]` as numbers; accept them so authors need not quote every code. */
const triggerCode = z.union([z.string(), z.number().int()]).transform(String);

export const flowSchema = z.strictObject({
  id: slug,
  title: z.string().min(1),
  description: z.string().min(1),
  triggers: z.strictObject({
    codes: z.array(triggerCode).default([]),
    keywords: z.array(z.string().min(1)).default([]),
  }),
  start: nodeIdSchema,
  nodes: z.record(nodeIdSchema, flowNodeSchema),
});
export type Flow = z.infer<typeof flowSchema>;

/** Values an option answers to, lower-cased: evidence values compare case-insensitively. */
export function evidenceValuesOf(option: FlowOption): string[] {
  const values = option.evidenceValue === undefined ? [] : [option.evidenceValue].flat();
  return values.map((v) => v.toLowerCase());
}

/** Every node id a node points at, with the field that points (for lint messages and graph walks). */
export function edgesOf(node: FlowNode): { to: string; via: string }[] {
  if (node.type === 'question') return node.options.map((o) => ({ to: o.next, via: `option "${o.id}"` }));
  if (node.type === 'answer' && node.ifNotSolved) return [{ to: node.ifNotSolved, via: 'ifNotSolved' }];
  return [];
}

export function isLeaf(node: FlowNode): boolean {
  return node.type !== 'question';
}
