import { loadSampleContract } from "@/lib/server/api/contracts/uploads";
import { withRoute } from "@/lib/server/http/with-route";
import { loadSampleData } from "@/lib/server/uploads/load-sample-data";

export const POST = withRoute(loadSampleContract, async ({ actor }) => ({ uploads: await loadSampleData(actor.userId) }));
