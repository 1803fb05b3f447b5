import { rejectBaselineContract } from "@/lib/server/api/contracts/baselines";
import { rejectBaseline } from "@/lib/server/baselines/reject-baseline";
import { withRoute } from "@/lib/server/http/with-route";

export const POST = withRoute(rejectBaselineContract, async ({ params, body, actor }) => rejectBaseline(params.id, body.comment, actor));
