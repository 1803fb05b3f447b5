import { runConnectionContract } from "@/lib/server/api/contracts/connections";
import { enqueueConnectionRun } from "@/lib/server/connections/schedule-connection-runs";
import { withRoute } from "@/lib/server/http/with-route";

export const POST = withRoute(runConnectionContract, async ({ params }) => {
  const queued = await enqueueConnectionRun(params.id);
  return { queued, message: queued ? "The next window is being read" : "A read is already queued or running" };
});
