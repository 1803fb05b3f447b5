import { trendsContract } from "@/lib/server/api/contracts/trends";
import { getTrendsReport } from "@/lib/server/trends/get-trends-report";
import { withRoute } from "@/lib/server/http/with-route";

export const GET = withRoute(trendsContract, async ({ query, actor }) => getTrendsReport(query, actor));
