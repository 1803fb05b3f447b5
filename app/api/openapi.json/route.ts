import { openapiContract } from "@/lib/server/api/contracts/system";
import { buildOpenApiDocument } from "@/lib/server/api/openapi";
import { withRoute } from "@/lib/server/http/with-route";

export const GET = withRoute(openapiContract, async () => buildOpenApiDocument());
