import { approveBaselineContract } from "@/lib/server/api/contracts/baselines";
import { approveBaseline } from "@/lib/server/baselines/approve-baseline";
import { withRoute } from "@/lib/server/http/with-route";

export const POST = withRoute(approveBaselineContract, async ({ params, body, actor }) => approveBaseline(params.id, body, actor));
