import { exportAlertsContract } from "@/lib/server/api/contracts/alerts";
import { exportAlertsCsv } from "@/lib/server/alerts/export-alerts";
import { withRoute } from "@/lib/server/http/with-route";

export const GET = withRoute(exportAlertsContract, async ({ query, actor }) =>
  new Response(exportAlertsCsv(query, actor), {
    headers: { "content-type": "text/csv; charset=utf-8", "content-disposition": `attachment; filename="lateral-alerts-${new Date().toISOString().slice(0, 10)}.csv"` },
  }),
);
