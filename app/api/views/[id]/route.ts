import { deleteViewContract } from "@/lib/server/api/contracts/views";
import { withRoute } from "@/lib/server/http/with-route";
import { deleteView } from "@/lib/server/views/saved-views";

export const DELETE = withRoute(deleteViewContract, async ({ params, actor }) => deleteView(params.id, actor));
