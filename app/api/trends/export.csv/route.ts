import { trendsCsvContract } from "@/lib/server/api/contracts/trends";
import { exportTrendsCsv } from "@/lib/server/trends/export-trends-csv";
import { withRoute } from "@/lib/server/http/with-route";

export const GET = withRoute(trendsCsvContract, async ({ query, actor }) => {
  const { section, ...rest } = query;
  return new Response(await exportTrendsCsv(section, rest, actor), {
    headers: { "content-type": "text/csv; charset=utf-8", "content-disposition": `attachment; filename="lateral-trends-${section}-${rest.from ?? "recent"}.csv"` },
  });
});
