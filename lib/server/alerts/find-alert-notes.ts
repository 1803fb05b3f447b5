import { db } from "@/lib/server/db/client";

type HistoryRow = { id: bigint; at: Date; field: string; from: string | null; to: string | null; reason: string | null; actorEmail: string | null };
type CommentRow = { id: string; body: string; createdAt: Date; authorEmail: string | null };

/**
 * The alert page's history and comments with their authors' emails, one query each: Prisma's `include`
 * would add a second round trip to each (the alert page's queries are most of its CPU, bench/triage.ts).
 */
export async function findAlertNotes(alertId: string) {
  const [history, comments] = await Promise.all([
    db.$queryRaw<HistoryRow[]>`
      SELECT h.id, h.at, h.field, h."from", h."to", h.reason, u.email AS "actorEmail"
      FROM alert_history h LEFT JOIN "user" u ON u.id = h."actorId"
      WHERE h."alertId" = ${alertId} ORDER BY h.at, h.id`,
    db.$queryRaw<CommentRow[]>`
      SELECT c.id, c.body, c."createdAt", u.email AS "authorEmail"
      FROM comment c LEFT JOIN "user" u ON u.id = c."authorId"
      WHERE c."alertId" = ${alertId} ORDER BY c."createdAt"`,
  ]);
  return {
    history: history.map(({ actorEmail, ...row }) => ({ ...row, actor: actorEmail === null ? null : { email: actorEmail } })),
    comments: comments.map((c) => ({ id: c.id, body: c.body, author: c.authorEmail, createdAt: c.createdAt.toISOString() })),
  };
}
