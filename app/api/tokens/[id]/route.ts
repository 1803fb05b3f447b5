import { revokeTokenContract } from "@/lib/server/api/contracts/tokens";
import { revokeApiToken } from "@/lib/server/auth/api-tokens";
import { AppError } from "@/lib/server/http/problem";
import { withRoute } from "@/lib/server/http/with-route";

export const DELETE = withRoute(revokeTokenContract, async ({ actor, params }) => {
  const revoked = await revokeApiToken({ id: params.id, userId: actor.userId });
  if (!revoked) throw new AppError("not_found", "No active token with that id");
  return { revoked: true as const };
});
