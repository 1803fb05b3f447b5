import { alertGroupsContract } from "@/lib/server/api/contracts/alerts";
import { groupAlerts } from "@/lib/server/alerts/group-alerts";
import { withRoute } from "@/lib/server/http/with-route";

export const GET = withRoute(alertGroupsContract, async ({ query, actor }) => groupAlerts(query, actor));
