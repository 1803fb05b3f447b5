import { commentContract } from "@/lib/server/api/contracts/alerts";
import { addComment } from "@/lib/server/alerts/add-comment";
import { withRoute } from "@/lib/server/http/with-route";

export const POST = withRoute(commentContract, async ({ params, body, actor }) => addComment(params.id, body.body, actor));
