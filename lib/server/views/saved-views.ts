import type { Actor } from "@/lib/server/auth/actor";
import { db } from "@/lib/server/db/client";
import { AppError } from "@/lib/server/http/problem";

type ViewRow = { id: string; name: string; filters: unknown; shared: boolean; isDefault: boolean; ownerId: string; owner: { email: string } };

function toViewDto(view: ViewRow, actor: Actor) {
  return { id: view.id, name: view.name, filters: view.filters as Record<string, string>, shared: view.shared, isDefault: view.isDefault && view.ownerId === actor.userId, owner: view.owner.email, mine: view.ownerId === actor.userId };
}

export async function findViews(actor: Actor) {
  const views = await db.savedView.findMany({
    where: { OR: [{ ownerId: actor.userId }, { shared: true }] },
    orderBy: [{ shared: "asc" }, { name: "asc" }],
    include: { owner: { select: { email: true } } },
  });
  return views.map((view) => toViewDto(view, actor));
}

/** A user has at most one default view; setting a new one clears the old in the same transaction. */
export async function createView(input: { name: string; filters: Record<string, string>; shared: boolean; isDefault: boolean }, actor: Actor) {
  return db.$transaction(async (tx) => {
    if (input.isDefault) await tx.savedView.updateMany({ where: { ownerId: actor.userId, isDefault: true }, data: { isDefault: false } });
    const view = await tx.savedView.create({ data: { ...input, ownerId: actor.userId }, include: { owner: { select: { email: true } } } });
    return toViewDto(view, actor);
  });
}

export async function deleteView(id: string, actor: Actor) {
  const result = await db.savedView.deleteMany({ where: { id, ownerId: actor.userId } });
  if (result.count === 0) throw new AppError("not_found", "No view of yours with that id");
  return { deleted: true as const };
}
