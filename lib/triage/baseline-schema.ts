import { z } from "zod";
import { isValidTimeZone } from "@/lib/triage/time-of-day";

const nonEmpty = z.string().trim().min(1);
const list = z.array(nonEmpty).min(1).max(500);
const minute = z.number().int().min(0).max(1439);

export const timeWindowSchema = z
  .object({ startMinute: minute, endMinute: minute, timeZone: z.string().refine(isValidTimeZone, "unknown IANA time zone") })
  // An empty window can never match; "all day" is expressed by leaving the window out.
  .refine((w) => w.startMinute !== w.endMinute, "start and end must differ");

/**
 * What a lead approves. Each present dimension must match (AND); values inside one dimension
 * are alternatives (OR); an absent dimension does not constrain.
 */
export const baselineScopeSchema = z.object({
  /** `DOMAIN\user`, `user@domain` or a bare name (any domain). */
  users: list.optional(),
  /** Host names (short or FQDN) or IPs/CIDRs of the machine that ran PsExec. */
  sourceHosts: list.optional(),
  /** Host names or IPv4/IPv6 addresses/CIDRs PsExec may reach; every destination must be covered. */
  destinations: list.optional(),
  /** PsExec binary paths, EQL wildcards `*`/`?`, case-insensitive. */
  executables: list.optional(),
  hashes: z.array(z.string().regex(/^[0-9a-f]{32,128}$/i, "hex digest")).min(1).optional(),
  /** Command-line patterns, EQL wildcards, case-insensitive. */
  commandLines: list.optional(),
  timeWindow: timeWindowSchema.optional(),
});

export const baselineEntrySchema = z.object({
  id: nonEmpty,
  scope: baselineScopeSchema,
  approvedAt: z.coerce.date(),
  expiresAt: z.coerce.date().nullable(),
  revokedAt: z.coerce.date().nullable(),
});

export type BaselineScope = z.output<typeof baselineScopeSchema>;
export type BaselineEntry = z.output<typeof baselineEntrySchema>;
export type TimeWindow = z.output<typeof timeWindowSchema>;
