import { z } from 'zod';

/**
 * Cloudflare's status page runs on Atlassian Statuspage; its v2 API
 * (`/api/v2/summary.json`) is public and documented. Only the fields the
 * bot shows are validated, and free-text status values stay strings so a
 * value Statuspage adds later does not make the whole page unreadable.
 */

export const statusIndicatorSchema = z.enum(['none', 'minor', 'major', 'critical', 'maintenance']);
export type StatusIndicator = z.infer<typeof statusIndicatorSchema>;

const optionalText = z.string().nullish().transform((v) => v || undefined);

/** The subset of summary.json the bot reads, as Statuspage spells it. */
export const statuspageSummarySchema = z.object({
  status: z.object({ indicator: statusIndicatorSchema, description: z.string() }),
  components: z.array(z.object({ name: z.string(), status: z.string(), group: z.boolean().nullish() })),
  incidents: z.array(
    z.object({ name: z.string(), status: z.string(), impact: z.string(), shortlink: optionalText, updated_at: z.string() }),
  ),
  scheduled_maintenances: z.array(
    z.object({
      name: z.string(),
      status: z.string(),
      scheduled_for: optionalText,
      scheduled_until: optionalText,
      shortlink: optionalText,
    }),
  ),
});
export type StatuspageSummary = z.infer<typeof statuspageSummarySchema>;

export const incidentSchema = z.object({
  name: z.string(),
  /** investigating | identified | monitoring | … */
  status: z.string(),
  /** none | minor | major | critical */
  impact: z.string(),
  shortlink: z.string().optional(),
  updatedAt: z.string(),
});
export type Incident = z.infer<typeof incidentSchema>;

export const maintenanceSchema = z.object({
  name: z.string(),
  /** scheduled | in_progress | verifying */
  status: z.string(),
  scheduledFor: z.string().optional(),
  scheduledUntil: z.string().optional(),
  shortlink: z.string().optional(),
});
export type Maintenance = z.infer<typeof maintenanceSchema>;

export const degradedComponentSchema = z.object({
  name: z.string(),
  /** degraded_performance | partial_outage | major_outage | under_maintenance */
  status: z.string(),
});
export type DegradedComponent = z.infer<typeof degradedComponentSchema>;

export const statusSummarySchema = z.discriminatedUnion('ok', [
  z.object({
    ok: z.literal(true),
    /** The human status page, for "see … for the latest". */
    pageUrl: z.string(),
    indicator: statusIndicatorSchema,
    description: z.string(),
    incidents: z.array(incidentSchema),
    maintenances: z.array(maintenanceSchema),
    degradedComponents: z.array(degradedComponentSchema),
    fetchedAt: z.iso.datetime(),
  }),
  z.object({ ok: z.literal(false), pageUrl: z.string(), message: z.string() }),
]);
export type StatusSummary = z.infer<typeof statusSummarySchema>;
