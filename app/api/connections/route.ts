import { createConnectionContract, listConnectionsContract } from "@/lib/server/api/contracts/connections";
import { findConnections } from "@/lib/server/connections/find-connections";
import { createConnection } from "@/lib/server/connections/save-connection";
import { withRoute } from "@/lib/server/http/with-route";
import { loadBundledRules } from "@/lib/server/rules/load-rules";

export const dynamic = "force-dynamic";

export const GET = withRoute(listConnectionsContract, async () => ({
  connections: await findConnections(),
  rules: (await loadBundledRules()).map((rule) => ({ id: rule.id, name: rule.name, enabled: rule.enabled })),
}));

export const POST = withRoute(createConnectionContract, async ({ body }) => createConnection(body));
