import { extendBaselineContract } from "@/lib/server/api/contracts/baselines";
import { extendBaseline } from "@/lib/server/baselines/extend-baseline";
import { withRoute } from "@/lib/server/http/with-route";

export const POST = withRoute(extendBaselineContract, async ({ params, body, actor }) => extendBaseline(params.id, body, actor));
