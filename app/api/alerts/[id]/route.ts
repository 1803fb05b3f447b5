import { getAlertContract } from "@/lib/server/api/contracts/alerts";
import { getAlertById } from "@/lib/server/alerts/get-alert-by-id";
import { withRoute } from "@/lib/server/http/with-route";

export const GET = withRoute(getAlertContract, async ({ params }) => getAlertById(params.id));
