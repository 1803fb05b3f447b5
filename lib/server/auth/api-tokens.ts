import { createHash, randomBytes } from "node:crypto";
import { db } from "@/lib/server/db/client";

const TOKEN_PREFIX = "lat_";

/** A token is shown once; only its SHA-256 is kept, so a database leak does not leak usable tokens. */
export function hashToken(token: string): string {
  return createHash("sha256").update(token, "utf8").digest("hex");
}

export async function createApiToken(input: { userId: string; name: string; expiresAt?: Date }) {
  const secret = randomBytes(32).toString("base64url");
  const token = `${TOKEN_PREFIX}${secret}`;
  const record = await db.apiToken.create({
    data: {
      userId: input.userId,
      name: input.name,
      prefix: token.slice(0, 10),
      tokenHash: hashToken(token),
      expiresAt: input.expiresAt,
    },
    select: { id: true, name: true, prefix: true, createdAt: true, expiresAt: true },
  });
  return { ...record, token };
}

export type TokenLookup =
  | { ok: true; user: { id: string; email: string; role: string; name: string } }
  | { ok: false; reason: "malformed" | "unknown" | "revoked" | "expired" | "disabled" };

type TokenRow = {
  id: string; revokedAt: Date | null; expiresAt: Date | null; lastUsedAt: Date | null;
  userId: string; email: string; role: string; name: string; disabled: boolean;
};

/**
 * Every API request starts here, so it is one query with the user joined (Prisma's `include` is a second
 * round trip; bench/triage.ts measures the API under load).
 */
export async function findUserByApiToken(token: string, now = new Date()): Promise<TokenLookup> {
  if (!token.startsWith(TOKEN_PREFIX) || token.length < 20) return { ok: false, reason: "malformed" };
  const [record] = await db.$queryRaw<TokenRow[]>`
    SELECT t.id, t."revokedAt", t."expiresAt", t."lastUsedAt", u.id AS "userId", u.email, u.role::text AS role, u.name, u.disabled
    FROM api_token t JOIN "user" u ON u.id = t."userId"
    WHERE t."tokenHash" = ${hashToken(token)}`;
  if (!record) return { ok: false, reason: "unknown" };
  if (record.revokedAt) return { ok: false, reason: "revoked" };
  if (record.expiresAt && record.expiresAt <= now) return { ok: false, reason: "expired" };
  if (record.disabled) return { ok: false, reason: "disabled" };
  // Last-used is informative only (minute precision is plenty): no write per request, and a failed
  // write must not fail the request.
  if (!record.lastUsedAt || now.getTime() - record.lastUsedAt.getTime() > 60_000) {
    void db.apiToken.update({ where: { id: record.id }, data: { lastUsedAt: now } }).catch(() => undefined);
  }
  return { ok: true, user: { id: record.userId, email: record.email, role: record.role, name: record.name } };
}

export async function revokeApiToken(input: { id: string; userId: string }): Promise<boolean> {
  const result = await db.apiToken.updateMany({
    where: { id: input.id, userId: input.userId, revokedAt: null },
    data: { revokedAt: new Date() },
  });
  return result.count === 1;
}
