import { historyContract } from "@/lib/server/api/contracts/alerts";
import { toHistoryDto } from "@/lib/server/alerts/get-alert-by-id";
import { db } from "@/lib/server/db/client";
import { withRoute } from "@/lib/server/http/with-route";

export const GET = withRoute(historyContract, async ({ params }) => {
  const rows = await db.alertHistory.findMany({
    where: { alertId: params.id },
    orderBy: [{ at: "asc" }, { id: "asc" }],
    include: { actor: { select: { email: true } } },
  });
  return { history: rows.map(toHistoryDto) };
});
