import { createViewContract, listViewsContract } from "@/lib/server/api/contracts/views";
import { withRoute } from "@/lib/server/http/with-route";
import { createView, findViews } from "@/lib/server/views/saved-views";

export const GET = withRoute(listViewsContract, async ({ actor }) => ({ views: await findViews(actor) }));

export const POST = withRoute(createViewContract, async ({ body, actor }) => createView(body, actor));
