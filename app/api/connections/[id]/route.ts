import { deleteConnectionContract, getConnectionContract, updateConnectionContract } from "@/lib/server/api/contracts/connections";
import { getConnectionById } from "@/lib/server/connections/get-connection-by-id";
import { deleteConnection, updateConnection } from "@/lib/server/connections/save-connection";
import { withRoute } from "@/lib/server/http/with-route";

export const dynamic = "force-dynamic";

export const GET = withRoute(getConnectionContract, async ({ params }) => getConnectionById(params.id));

export const PATCH = withRoute(updateConnectionContract, async ({ params, body }) => updateConnection(params.id, body));

export const DELETE = withRoute(deleteConnectionContract, async ({ params }) => deleteConnection(params.id));
