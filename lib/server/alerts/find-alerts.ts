import type { Actor } from "@/lib/server/auth/actor";
import type { AlertFilter } from "@/lib/server/api/contracts/alerts";
import { db } from "@/lib/server/db/client";
import type { Prisma } from "@/lib/server/db/generated/client";
import { AppError } from "@/lib/server/http/problem";
import { alertWhere } from "@/lib/server/alerts/alert-where";
import { summarySelect, toAlertSummary } from "@/lib/server/alerts/alert-dto";
import { containsInsensitive, countAlerts } from "@/lib/server/alerts/count-alerts";

type Sort = "firstSeen" | "lastSeen" | "priority";
type Cursor = { v: string; p?: string; id: string };
const PRIORITY_ORDER = ["low", "medium", "high"] as const;

/**
 * One page of the queue by keyset: the cursor is the last row's sort value and id, so page 500 costs
 * the same as page 1 (no OFFSET). The counts are read alongside, not after, the page.
 */
export async function findAlerts(input: AlertFilter & { sort: Sort; order: "asc" | "desc"; cursor?: string; limit: number; counts: "true" | "false" }, actor: Actor) {
  const cursor = input.cursor ? decodeCursor(input.cursor) : null;
  const page = (base: Prisma.AlertWhereInput) =>
    db.alert.findMany({
      where: cursor ? { AND: [base, keyset(input.sort, input.order, cursor)] } : base,
      orderBy: orderBy(input.sort, input.order),
      take: input.limit + 1,
      select: summarySelect,
    });
  const [rows, counts] = await Promise.all([
    input.host ? hostWhere(input, actor).then((where) => page(where)) : page(alertWhere(input, actor)),
    input.counts === "true" ? countAlerts(input, actor) : null,
  ]);
  const alerts = rows.slice(0, input.limit);
  const last = alerts.at(-1);
  const nextCursor = rows.length > input.limit && last ? encodeCursor(input.sort, last) : null;
  return { alerts: alerts.map(toAlertSummary), nextCursor, counts };
}

/**
 * The host filter is a substring match, which no B-tree can serve: on its own it walks the firstSeen
 * index until 51 rows match — the whole table for a host with few or no alerts. `alert_count` lists
 * every host that has alerts, so the substring is matched against those few rows and the page becomes
 * `sourceHost IN (…)` on the (sourceHost, firstSeen) index; no match at all is an empty page at once.
 * Every alert committed before the request is found; a host whose very first alert commits between
 * the two reads shows from the next request, like any alert committed while a page is being read.
 */
async function hostWhere(filter: AlertFilter, actor: Actor): Promise<Prisma.AlertWhereInput> {
  const keys = await db.$queryRaw<{ host: string }[]>`
    SELECT DISTINCT key1 AS host FROM alert_count WHERE dimension = 'host' AND key1 ${containsInsensitive(filter.host ?? "")} AND n > 0`;
  return { AND: [alertWhere({ ...filter, host: undefined }, actor), { sourceHost: { in: keys.map((key) => key.host) } }] };
}

function orderBy(sort: Sort, order: "asc" | "desc"): Prisma.AlertOrderByWithRelationInput[] {
  if (sort === "priority") return [{ priority: order }, { firstSeen: order }, { id: order }];
  return [{ [sort]: order }, { id: order }];
}

function keyset(sort: Sort, order: "asc" | "desc", cursor: Cursor): Prisma.AlertWhereInput {
  const op = order === "desc" ? "lt" : "gt";
  if (sort === "priority") {
    const seen = new Date(cursor.v);
    const index = PRIORITY_ORDER.indexOf(cursor.p as (typeof PRIORITY_ORDER)[number]);
    const beyond = order === "desc" ? PRIORITY_ORDER.slice(0, index) : PRIORITY_ORDER.slice(index + 1);
    return {
      OR: [
        { priority: { in: [...beyond] } },
        { priority: cursor.p as (typeof PRIORITY_ORDER)[number], firstSeen: { [op]: seen } },
        { priority: cursor.p as (typeof PRIORITY_ORDER)[number], firstSeen: seen, id: { [op]: cursor.id } },
      ],
    };
  }
  const value = new Date(cursor.v);
  // The redundant lte/gte bound lets PostgreSQL start the index scan at the cursor; the OR alone is a
  // filter, which made page 500 scan and discard the 25 000 rows before it.
  return { [sort]: { [`${op}e`]: value }, OR: [{ [sort]: { [op]: value } }, { id: { [op]: cursor.id } }] };
}

function encodeCursor(sort: Sort, row: { id: string; firstSeen: Date; lastSeen: Date; priority: string }): string {
  const value = sort === "lastSeen" ? row.lastSeen : row.firstSeen;
  const cursor: Cursor = { v: value.toISOString(), id: row.id, ...(sort === "priority" ? { p: row.priority } : {}) };
  return Buffer.from(JSON.stringify(cursor)).toString("base64url");
}

function decodeCursor(text: string): Cursor {
  try {
    const cursor = JSON.parse(Buffer.from(text, "base64url").toString("utf8")) as Cursor;
    if (typeof cursor.v !== "string" || typeof cursor.id !== "string" || Number.isNaN(Date.parse(cursor.v))) throw new Error("shape");
    return cursor;
  } catch {
    throw new AppError("validation_failed", "Invalid cursor; start again from the first page");
  }
}
