import { createTokenContract, listTokensContract } from "@/lib/server/api/contracts/tokens";
import { createApiToken } from "@/lib/server/auth/api-tokens";
import { findApiTokens, toTokenDto } from "@/lib/server/auth/find-api-tokens";
import { withRoute } from "@/lib/server/http/with-route";

export const GET = withRoute(listTokensContract, async ({ actor }) => ({
  tokens: (await findApiTokens(actor.userId)).map(toTokenDto),
}));

export const POST = withRoute(createTokenContract, async ({ actor, body }) => {
  const expiresAt = body.expiresInDays ? new Date(Date.now() + body.expiresInDays * 86_400_000) : undefined;
  const created = await createApiToken({ userId: actor.userId, name: body.name, expiresAt });
  return { ...toTokenDto({ ...created, lastUsedAt: null, revokedAt: null }), token: created.token };
});
