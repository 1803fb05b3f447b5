import { previewBaselineContract } from "@/lib/server/api/contracts/baselines";
import { previewBaselineScope } from "@/lib/server/baselines/preview-baseline-scope";
import { withRoute } from "@/lib/server/http/with-route";

export const POST = withRoute(previewBaselineContract, async ({ body }) => previewBaselineScope(body.scope));
