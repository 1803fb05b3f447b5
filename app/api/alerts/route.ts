import { listAlertsContract } from "@/lib/server/api/contracts/alerts";
import { findAlerts } from "@/lib/server/alerts/find-alerts";
import { withRoute } from "@/lib/server/http/with-route";

export const GET = withRoute(listAlertsContract, async ({ query, actor }) => findAlerts(query, actor));
