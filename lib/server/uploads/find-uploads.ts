import { db } from "@/lib/server/db/client";
import { AppError } from "@/lib/server/http/problem";

const include = { user: { select: { email: true } } } as const;

export async function findUploads(limit: number) {
  const uploads = await db.upload.findMany({ orderBy: { createdAt: "desc" }, take: limit, include });
  return uploads.map(toUploadDto);
}

export async function getUploadById(id: string) {
  const upload = await db.upload.findUnique({ where: { id }, include });
  if (!upload) throw new AppError("not_found", `No upload ${id}`);
  const alerts = await db.alert.findMany({
    where: { uploadId: upload.duplicateOf ?? id },
    select: { id: true, priority: true, ruleName: true, sourceHost: true },
    orderBy: { firstSeen: "asc" },
    take: 500,
  });
  return { ...toUploadDto(upload), alerts };
}

type UploadRow = Awaited<ReturnType<typeof db.upload.findMany<{ include: typeof include }>>>[number];

export function toUploadDto(upload: UploadRow) {
  return {
    id: upload.id,
    fileName: upload.fileName,
    sizeBytes: Number(upload.sizeBytes),
    status: upload.status,
    format: upload.format,
    bytesRead: Number(upload.bytesRead),
    eventsParsed: upload.eventsParsed,
    eventsStored: upload.eventsStored,
    rejected: upload.rejected,
    alertsFound: upload.alertsFound,
    duplicateOf: upload.duplicateOf,
    error: upload.error,
    report: upload.report ?? null,
    createdAt: upload.createdAt.toISOString(),
    startedAt: upload.startedAt?.toISOString() ?? null,
    finishedAt: upload.finishedAt?.toISOString() ?? null,
    uploadedBy: upload.user?.email ?? null,
  };
}
