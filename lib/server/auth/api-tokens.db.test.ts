import { randomUUID } from "node:crypto";
import { describe, expect, it } from "vitest";
import { db } from "@/lib/server/db/client";
import { createApiToken, findUserByApiToken, revokeApiToken } from "@/lib/server/auth/api-tokens";

async function user(fields: { role?: "analyst" | "lead" | "manager" | "admin"; disabled?: boolean } = {}) {
  const id = randomUUID();
  await db.user.create({ data: { id, email: `${id}@test`, name: `n-${id.slice(0, 4)}`, ...fields } });
  return id;
}

describe("API token lookup", () => {
  it("finds the token's user with its role, and says why a token is refused", async () => {
    const lead = await user({ role: "lead" });
    const { token, id } = await createApiToken({ userId: lead, name: "soar" });
    expect(await findUserByApiToken(token)).toEqual({ ok: true, user: { id: lead, email: `${lead}@test`, role: "lead", name: `n-${lead.slice(0, 4)}` } });

    expect(await findUserByApiToken("not-a-token")).toEqual({ ok: false, reason: "malformed" });
    expect(await findUserByApiToken(`lat_${"x".repeat(40)}`)).toEqual({ ok: false, reason: "unknown" });

    const expiring = await createApiToken({ userId: lead, name: "short", expiresAt: new Date(Date.UTC(2030, 0, 1)) });
    expect((await findUserByApiToken(expiring.token, new Date(Date.UTC(2029, 11, 31)))).ok).toBe(true);
    expect(await findUserByApiToken(expiring.token, new Date(Date.UTC(2030, 0, 1)))).toEqual({ ok: false, reason: "expired" });

    expect(await revokeApiToken({ id, userId: lead })).toBe(true);
    expect(await findUserByApiToken(token)).toEqual({ ok: false, reason: "revoked" });

    const gone = await user({ disabled: true });
    expect(await findUserByApiToken((await createApiToken({ userId: gone, name: "x" })).token)).toEqual({ ok: false, reason: "disabled" });
  });

  it("records when a token was last used, at most once a minute", async () => {
    const analyst = await user();
    const { token, id } = await createApiToken({ userId: analyst, name: "ci" });
    const lastUsed = async () => {
      // The write is fire-and-forget: wait for it to land.
      for (let i = 0; i < 50; i++) {
        const row = await db.apiToken.findUniqueOrThrow({ where: { id } });
        if (row.lastUsedAt) return row.lastUsedAt.getTime();
        await new Promise((resolve) => setTimeout(resolve, 20));
      }
      return null;
    };
    const t0 = new Date(Date.UTC(2031, 0, 1, 12));
    await findUserByApiToken(token, t0);
    expect(await lastUsed()).toBe(t0.getTime());
    await findUserByApiToken(token, new Date(t0.getTime() + 30_000));
    await new Promise((resolve) => setTimeout(resolve, 200));
    expect(await lastUsed()).toBe(t0.getTime());
    const later = new Date(t0.getTime() + 61_000);
    await findUserByApiToken(token, later);
    for (let i = 0; i < 50 && (await lastUsed()) !== later.getTime(); i++) await new Promise((resolve) => setTimeout(resolve, 20));
    expect(await lastUsed()).toBe(later.getTime());
  });
});
