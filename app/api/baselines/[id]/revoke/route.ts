import { revokeBaselineContract } from "@/lib/server/api/contracts/baselines";
import { revokeBaseline } from "@/lib/server/baselines/revoke-baseline";
import { withRoute } from "@/lib/server/http/with-route";

export const POST = withRoute(revokeBaselineContract, async ({ params, body, actor }) => revokeBaseline(params.id, body.comment, actor));
