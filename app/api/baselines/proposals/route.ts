import { proposeBaselineContract } from "@/lib/server/api/contracts/baselines";
import { createBaseline } from "@/lib/server/baselines/create-baseline";
import { withRoute } from "@/lib/server/http/with-route";

export const POST = withRoute(proposeBaselineContract, async ({ body, actor }) => createBaseline(body, actor, "proposed"));
