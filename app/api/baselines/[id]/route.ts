import { getBaselineContract, updateBaselineContract } from "@/lib/server/api/contracts/baselines";
import { getBaselineById } from "@/lib/server/baselines/get-baseline-by-id";
import { updateBaseline } from "@/lib/server/baselines/update-baseline";
import { withRoute } from "@/lib/server/http/with-route";

export const GET = withRoute(getBaselineContract, async ({ params }) => getBaselineById(params.id));

export const PATCH = withRoute(updateBaselineContract, async ({ params, body, actor }) => updateBaseline(params.id, body, actor));
