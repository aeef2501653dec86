import { loadYamlFile } from '../knowledge/load-yaml-file.ts';
import { z } from 'zod';

/**
 * knowledge/support.yaml: who can help, on which plan, and what to bring.
 * Validated at start-up so a typo in a checklist id fails loudly with the
 * file and the field, instead of silently dropping an item from every case.
 */

const pageIds = z.array(z.string().regex(/^[a-z0-9][a-z0-9-]*$/, 'page ids are lowercase slugs (the last segment of the docs path)')).min(1, 'cite at least one docs page');
/** Exact codes ("522") or digit wildcards ("52x", "1xxx"). */
const codePattern = z.string().regex(/^[0-9][0-9x]{2,4}$/, 'a code is 3-5 digits, with x for any digit ("522", "52x", "1xxx")');

export const channelIdSchema = z.enum(['community', 'discord', 'case', 'chat', 'phone']);
export type ChannelId = z.infer<typeof channelIdSchema>;
const availabilitySchema = z.enum(['yes', 'recommended', 'limited', 'no']);
export type Availability = z.infer<typeof availabilitySchema>;
const caseTopicSchema = z.enum(['billing', 'account', 'registrar', 'technical']);
export type CaseTopic = z.infer<typeof caseTopicSchema>;

/** Which fact already satisfies a checklist item, so items the user has given are not asked for again. */
export const providesSchema = z.enum(['time', 'url', 'rayId', 'trace']);
export type Provides = z.infer<typeof providesSchema>;

const checklistItemSchema = z.object({
  text: z.string().min(1),
  how: z.string().url().optional(),
  provides: providesSchema.optional(),
  pages: pageIds,
});
export type ChecklistItem = z.infer<typeof checklistItemSchema>;

const planSchema = z.object({
  label: z.string().min(1),
  channels: z.object({
    community: availabilitySchema,
    discord: availabilitySchema,
    case: availabilitySchema,
    chat: availabilitySchema,
    phone: availabilitySchema,
  }),
  /** When `case` is "limited": the only topics a case is accepted for. */
  caseTopics: z.array(caseTopicSchema).optional(),
  note: z.string().optional(),
  responseTimes: z.string().optional(),
});

export const supportConfigSchema = z
  .object({
    pages: pageIds,
    links: z.object({
      community: z.string().url(),
      discord: z.string().url(),
      status: z.string().url(),
      cloudflareIps: z.string().url(),
    }),
    channels: z.record(channelIdSchema, z.object({
      label: z.string().min(1),
      url: z.string().url().optional(),
      description: z.string().min(1),
      how: z.string().optional(),
    })),
    plans: z.object({ free: planSchema, pro: planSchema, business: planSchema, enterprise: planSchema }),
    priorities: z
      .array(z.object({
        id: z.string().regex(/^P[1-4]$/),
        name: z.string().min(1),
        impact: z.string().min(1),
        definition: z.string().min(1),
        examples: z.array(z.string()).default([]),
      }))
      .length(4, 'the docs define exactly four priorities, P1 to P4'),
    warning: z.string().min(1),
    checklist: z.object({
      items: z.record(z.string(), checklistItemSchema),
      default: z.array(z.string()).min(1),
      rules: z
        .array(z.object({
          codes: z.array(codePattern).min(1),
          add: z.array(z.string()).default([]),
          drop: z.array(z.string()).default([]),
          pages: pageIds,
        }))
        .default([]),
    }),
    visitor: z.object({
      note: z.string().min(1),
      pages: pageIds,
      items: z.array(z.object({ text: z.string().min(1), provides: providesSchema.optional() })).min(1),
      helpPages: z.array(z.object({ codes: z.array(codePattern).min(1), url: z.string().url() })).default([]),
      fallbackUrl: z.string().url(),
    }),
  })
  .superRefine((config, ctx) => {
    // Rules and the default list name items by id; a typo there would silently shrink every checklist.
    const known = Object.keys(config.checklist.items);
    const check = (id: string, path: (string | number)[]): void => {
      if (!known.includes(id)) ctx.addIssue({ code: 'custom', path, message: `unknown checklist item "${id}" (known: ${known.join(', ')})` });
    };
    config.checklist.default.forEach((id, i) => check(id, ['checklist', 'default', i]));
    config.checklist.rules.forEach((rule, r) => {
      rule.add.forEach((id, i) => check(id, ['checklist', 'rules', r, 'add', i]));
      rule.drop.forEach((id, i) => check(id, ['checklist', 'rules', r, 'drop', i]));
    });
    if (config.plans.free.channels.case === 'limited' && !config.plans.free.caseTopics?.length) {
      ctx.addIssue({ code: 'custom', path: ['plans', 'free', 'caseTopics'], message: 'a "limited" case channel needs the topics it is limited to' });
    }
  });
export type SupportConfig = z.infer<typeof supportConfigSchema>;

export class SupportConfigError extends Error {}

export function loadSupportConfig(file: string): SupportConfig {
  return loadYamlFile(file, supportConfigSchema, SupportConfigError);
}

/** True when a code matches a pattern such as "522", "52x" or "1xxx". */
export function codeMatches(pattern: string, code: string): boolean {
  return pattern.length === code.length && [...pattern].every((c, i) => c === 'x' || c === code[i]);
}

/** Every docs page id the config cites, for a start-up or CI check against the loaded knowledge. */
export function citedPageIds(config: SupportConfig): string[] {
  const ids = [
    ...config.pages,
    ...Object.values(config.checklist.items).flatMap((i) => i.pages),
    ...config.checklist.rules.flatMap((r) => r.pages),
    ...config.visitor.pages,
  ];
  return [...new Set(ids)];
}
