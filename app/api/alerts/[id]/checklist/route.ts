import { checklistContract } from "@/lib/server/api/contracts/alerts";
import { updateChecklist } from "@/lib/server/alerts/update-checklist";
import { withRoute } from "@/lib/server/http/with-route";

export const POST = withRoute(checklistContract, async ({ params, body, actor }) => {
  const { version, ...update } = body;
  return updateChecklist(params.id, update, version, actor);
});
