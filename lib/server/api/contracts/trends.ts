import { z } from "zod";
import { access } from "@/lib/roles";
import { defineContract } from "@/lib/server/http/contract";

// Validated against the runtime's IANA list (plus "UTC", which Intl lists only as Etc/UTC aliases).
const TIME_ZONES = new Set([...Intl.supportedValuesOf("timeZone"), "UTC"]);
const MAX_DAYS = 366;
const minutes = z.coerce.number().int().min(1).max(525_600).optional();

export const trendsQuery = z
  .strictObject({
    from: z.iso.date().optional().describe("first local day (YYYY-MM-DD); default: 29 days before `to`"),
    to: z.iso.date().optional().describe("last local day, inclusive; default: today in `tz`"),
    tz: z.string().max(64).refine((tz) => TIME_ZONES.has(tz), "Unknown IANA time zone").default("UTC"),
    bucket: z.enum(["day", "week"]).default("day"),
    ackHigh: minutes.describe("SLA: minutes to acknowledge a High alert (default 15)"),
    ackMedium: minutes.describe("default 60"),
    ackLow: minutes.describe("default 240"),
    closeHigh: minutes.describe("SLA: minutes to close a High alert (default 240)"),
    closeMedium: minutes.describe("default 1440"),
    closeLow: minutes.describe("default 4320"),
  })
  .refine((q) => !q.from || !q.to || q.from <= q.to, { message: "`from` must not be after `to`", path: ["from"] })
  .refine((q) => !q.from || !q.to || Date.parse(q.to) - Date.parse(q.from) < MAX_DAYS * 86_400_000, {
    message: `At most ${MAX_DAYS} days`,
    path: ["to"],
  });
export type TrendsQuery = z.output<typeof trendsQuery>;

export const trendsSections = ["kpis", "volume", "response-times", "outcomes", "rules", "backlog", "sla", "top"] as const;
export type TrendsSection = (typeof trendsSections)[number];

const seconds = z.number().nullable();
const summary = z.object({
  alerts: z.number(), high: z.number(), ackMedianSec: seconds, closeMedianSec: seconds, closed: z.number(),
  falsePositives: z.number(), falsePositiveRate: z.number().nullable(), baselineHandled: z.number(), baselineShare: z.number().nullable(),
});
const byPriority = { low: z.number(), medium: z.number(), high: z.number(), total: z.number() };
const slaCounts = z.object({ met: z.number(), breached: z.number(), pending: z.number(), share: z.number().nullable() });
const top = z.array(z.object({ value: z.string(), count: z.number() }));

export const trendsReportSchema = z.object({
  scope: z.enum(["all", "own"]).describe("'own': an analyst's figures (alerts assigned to them)"),
  range: z.object({
    from: z.string(), to: z.string(), tz: z.string(), bucket: z.enum(["day", "week"]), days: z.number(),
    previous: z.object({ from: z.string(), to: z.string() }),
  }),
  kpis: z.object({ current: summary, previous: summary }),
  volume: z.array(z.object({ bucket: z.string(), ...byPriority })),
  responseTimes: z.array(z.object({
    group: z.enum(["all", "priority", "assignee"]), key: z.string().nullable(), label: z.string(), alerts: z.number(),
    acknowledged: z.number(), ackMedianSec: seconds, ackP90Sec: seconds, closed: z.number(), closeMedianSec: seconds, closeP90Sec: seconds,
  })),
  outcomes: z.array(z.object({
    bucket: z.string(), true_positive: z.number(), benign_positive: z.number(), false_positive: z.number(), duplicate: z.number(), undetermined: z.number(),
  })),
  rules: z.array(z.object({ ruleId: z.string(), ruleName: z.string(), alerts: z.number(), closed: z.number(), falsePositives: z.number(), rate: z.number().nullable() })),
  backlog: z.array(z.object({ age: z.string(), ...byPriority })),
  sla: z.array(z.object({ priority: z.enum(["high", "medium", "low"]), ackTargetMin: z.number(), closeTargetMin: z.number(), ack: slaCounts, close: slaCounts })),
  top: z.object({ hosts: top, users: top, destinations: top }),
});

export const trendsContract = defineContract({
  method: "GET",
  path: "/api/trends",
  summary: "Trends report: volume by priority, response times, outcomes, backlog, SLA, top entities; KPIs vs the previous period. Analysts get their own figures only",
  tag: "trends",
  roles: access.trends,
  query: trendsQuery,
  response: trendsReportSchema,
});

export const trendsCsvContract = defineContract({
  method: "GET",
  path: "/api/trends/export.csv",
  summary: "One Trends chart's data as CSV (same parameters as /api/trends plus `section`)",
  tag: "trends",
  roles: access.trends,
  query: z.intersection(trendsQuery, z.object({ section: z.enum(trendsSections) })),
  response: z.string(),
});
