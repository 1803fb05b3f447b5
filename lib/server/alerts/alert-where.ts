import type { Actor } from "@/lib/server/auth/actor";
import type { AlertFilter } from "@/lib/server/api/contracts/alerts";
import type { Prisma } from "@/lib/server/db/generated/client";

const insensitive = (value: string) => ({ contains: value, mode: "insensitive" as const });

/** The queue filter as a Prisma where-clause (typed, parameterized — never string-built SQL). */
export function alertWhere(filter: AlertFilter, actor: Pick<Actor, "userId">): Prisma.AlertWhereInput {
  const and: Prisma.AlertWhereInput[] = [];
  if (filter.priority?.length) and.push({ priority: { in: filter.priority } });
  if (filter.status?.length) and.push({ status: { in: filter.status } });
  if (filter.classification?.length) and.push({ classification: { in: filter.classification } });
  if (filter.assignee === "me") and.push({ assigneeId: actor.userId });
  else if (filter.assignee === "unassigned") and.push({ assigneeId: null });
  else if (filter.assignee) and.push({ assigneeId: filter.assignee });
  if (filter.host) and.push({ sourceHost: insensitive(filter.host) });
  if (filter.user) and.push({ OR: [{ userName: insensitive(filter.user) }, { userDomain: insensitive(filter.user) }] });
  if (filter.destination) and.push({ destinations: { has: filter.destination } });
  if (filter.rule) and.push({ OR: [{ ruleId: filter.rule }, { ruleName: insensitive(filter.rule) }] });
  if (filter.from) and.push({ firstSeen: { gte: filter.from } });
  if (filter.to) and.push({ firstSeen: { lte: filter.to } });
  if (filter.q) and.push({ commandLine: insensitive(filter.q) });
  if (filter.escalated) and.push({ escalated: filter.escalated === "true" });
  if (filter.uploadId) and.push({ uploadId: filter.uploadId });
  return and.length ? { AND: and } : {};
}
