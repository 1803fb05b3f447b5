import type { Actor } from "@/lib/server/auth/actor";
import { db } from "@/lib/server/db/client";
import { AppError } from "@/lib/server/http/problem";

/** Comments are append-only and also leave a history row, so the timeline is complete in one place. */
export async function addComment(alertId: string, body: string, actor: Actor) {
  return db.$transaction(async (tx) => {
    if (!(await tx.alert.findUnique({ where: { id: alertId }, select: { id: true } }))) throw new AppError("not_found", `No alert ${alertId}`);
    const comment = await tx.comment.create({ data: { alertId, authorId: actor.userId, body } });
    await tx.alertHistory.create({ data: { alertId, actorId: actor.userId, field: "comment", from: null, to: comment.id, reason: body.slice(0, 200) } });
    return { id: comment.id, body: comment.body, createdAt: comment.createdAt.toISOString() };
  });
}
