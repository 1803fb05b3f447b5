import { db } from "@/lib/server/db/client";
import type { Alert } from "@/lib/server/db/generated/client";
import { toAlertSummary, type AlertWithAssignee } from "@/lib/server/alerts/alert-dto";

type Row = Omit<AlertWithAssignee, "assignee"> & { assigneeId: string | null; assigneeEmail: string | null };

/**
 * Up to 20 other alerts with the same user, the same source host or a shared destination, newest first.
 * One query with the assignee joined: Prisma's `include` is a second round trip, and the alert page's
 * queries are most of its CPU (bench/triage.ts). Same WHERE as Prisma's `OR` of equals and `hasSome`;
 * an empty user or host is no condition, as before.
 */
export async function findRelatedAlerts(alert: Pick<Alert, "id" | "userName" | "sourceHost" | "destinations">) {
  if (!alert.userName && !alert.sourceHost && alert.destinations.length === 0) return [];
  const rows = await db.$queryRaw<Row[]>`
    SELECT a.id, a.priority::text AS priority, a.status::text AS status, a.classification, a."ruleId", a."ruleName", a.severity,
      a."sourceHost", a."userName", a."userDomain", a.destinations, a."commandLine", a."firstSeen", a."lastSeen", a.escalated,
      a.version, a."createdAt", a."assigneeId", u.email AS "assigneeEmail"
    FROM alert a LEFT JOIN "user" u ON u.id = a."assigneeId"
    WHERE a.id <> ${alert.id}
      AND (a."userName" = ${alert.userName || null} OR a."sourceHost" = ${alert.sourceHost || null} OR a.destinations && ${alert.destinations}::text[])
    ORDER BY a."firstSeen" DESC
    LIMIT 20`;
  return rows.map(({ assigneeId, assigneeEmail, ...row }) =>
    toAlertSummary({ ...row, assignee: assigneeId && assigneeEmail !== null ? { id: assigneeId, email: assigneeEmail } : null }),
  );
}
