import { bulkActionContract } from "@/lib/server/api/contracts/alerts";
import { bulkAlerts } from "@/lib/server/alerts/bulk-alerts";
import { withRoute } from "@/lib/server/http/with-route";

export const POST = withRoute(bulkActionContract, async ({ body, actor }) => bulkAlerts(body, actor));
