import { testConnectionContract } from "@/lib/server/api/contracts/connections";
import { testConnection } from "@/lib/server/connections/test-connection";
import { withRoute } from "@/lib/server/http/with-route";

export const POST = withRoute(testConnectionContract, async ({ body }) => testConnection(body));
