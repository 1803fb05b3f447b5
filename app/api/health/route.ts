import packageJson from "@/package.json";
import { healthContract } from "@/lib/server/api/contracts/system";
import { checkHealth } from "@/lib/server/health/check-health";
import { withRoute } from "@/lib/server/http/with-route";

export const dynamic = "force-dynamic";

export const GET = withRoute(healthContract, async () => {
  const health = await checkHealth();
  return Response.json({ ...health, version: packageJson.version }, {
    status: health.status === "ok" ? 200 : 503,
  });
});
