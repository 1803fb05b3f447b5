import { fetchContextContract } from "@/lib/server/api/contracts/alerts";
import { fetchMissingContext } from "@/lib/server/connections/fetch-missing-context";
import { withRoute } from "@/lib/server/http/with-route";

export const POST = withRoute(fetchContextContract, async ({ params }) => fetchMissingContext(params.id));
