import { alertActionContract } from "@/lib/server/api/contracts/alerts";
import { applyAlertAction } from "@/lib/server/alerts/apply-alert-action";
import { withRoute } from "@/lib/server/http/with-route";

export const POST = withRoute(alertActionContract, async ({ params, body, actor }) => {
  const { version, ...action } = body;
  return applyAlertAction(params.id, action, version, actor);
});
