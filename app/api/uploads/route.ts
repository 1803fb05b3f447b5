import { createUploadContract, listUploadsContract } from "@/lib/server/api/contracts/uploads";
import { withRoute } from "@/lib/server/http/with-route";
import { findUploads, getUploadById } from "@/lib/server/uploads/find-uploads";
import { receiveUpload } from "@/lib/server/uploads/receive-upload";

export const dynamic = "force-dynamic";

export const POST = withRoute(createUploadContract, async ({ request, actor }) => {
  const upload = await receiveUpload(request, actor.userId);
  return Response.json(await getUploadById(upload.id), { status: 202 });
});

export const GET = withRoute(listUploadsContract, async ({ query }) => ({ uploads: await findUploads(query.limit) }));
