import { getUploadContract } from "@/lib/server/api/contracts/uploads";
import { withRoute } from "@/lib/server/http/with-route";
import { getUploadById } from "@/lib/server/uploads/find-uploads";

export const GET = withRoute(getUploadContract, async ({ params }) => getUploadById(params.id));
