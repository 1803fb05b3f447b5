import { createBaselineContract, listBaselinesContract } from "@/lib/server/api/contracts/baselines";
import { createBaseline } from "@/lib/server/baselines/create-baseline";
import { findBaselines } from "@/lib/server/baselines/find-baselines";
import { withRoute } from "@/lib/server/http/with-route";

export const GET = withRoute(listBaselinesContract, async ({ query }) => findBaselines(query));

export const POST = withRoute(createBaselineContract, async ({ body, actor }) => createBaseline(body, actor, "active"));
