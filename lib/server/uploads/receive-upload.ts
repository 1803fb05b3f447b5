import { createHash } from "node:crypto";
import { open, mkdir, rm, writeFile, type FileHandle } from "node:fs/promises";
import path from "node:path";
import { Readable } from "node:stream";
import busboy from "busboy";
import { db } from "@/lib/server/db/client";
import { env } from "@/lib/server/env";
import { AppError } from "@/lib/server/http/problem";
import { enqueueJob } from "@/lib/server/jobs/queue";
import { uploadPath } from "@/lib/server/uploads/storage";

type Source = { fileName: string; chunks: AsyncIterable<Uint8Array> };

/** Bytes received while a write is in flight, beyond which receiving waits for the disk. */
const MAX_PENDING_BYTES = 8 << 20;

/**
 * Streams the request body (raw, or the first file of a multipart form) to disk while hashing and
 * counting it; the size limit is enforced on the bytes received, not on headers. The processing job
 * is queued before the first byte: a worker reads the file as it grows (read-upload-batches.ts) and
 * finishes once `sha256` says all of it is there. A file whose content was already ingested is then
 * recorded as a duplicate and the job drops what it did; a failed upload is removed, evidence included.
 */
export async function receiveUpload(request: Request, userId: string) {
  if (!request.body) throw new AppError("bad_request", "The upload has no body");
  const limit = env().LATERAL_UPLOAD_LIMIT_BYTES;
  const declared = Number(request.headers.get("content-length") ?? "0");
  if (declared > limit) throw new AppError("body_too_large", `Uploads are limited to ${limit} bytes`);
  const source = await openSource(request);
  const upload = await db.upload.create({ data: { fileName: source.fileName.slice(0, 255), userId, status: "receiving" } });
  const target = uploadPath(upload.id);
  let file: FileHandle | undefined;
  try {
    await mkdir(path.dirname(target), { recursive: true });
    file = await open(target, "w");
    await db.$transaction(async (tx) => {
      await enqueueJob("process-upload", { uploadId: upload.id }, tx);
      await tx.upload.update({ where: { id: upload.id }, data: { storagePath: target } });
    });
    const received = await writeAll(source.chunks, file, limit);
    await file.close();
    file = undefined;
    if (received.bytes === 0) throw new AppError("bad_request", "The uploaded file is empty");
    return await finishReceiving(upload.id, received.bytes, received.sha256, target);
  } catch (error) {
    await file?.close().catch(() => undefined);
    await rm(target, { force: true });
    // Deleting the row also deletes any evidence the job stored meanwhile; the job then finds it gone.
    await db.upload.deleteMany({ where: { id: upload.id } });
    if (error instanceof AppError) throw error;
    throw new AppError("bad_request", `Upload interrupted: ${(error as Error).message}`);
  }
}

/** Stores an upload made on the server (sample data, tests) through the same queue as received files. */
export async function createUploadFromBytes(fileName: string, bytes: Uint8Array, userId: string | null) {
  const upload = await db.upload.create({ data: { fileName, userId, status: "receiving" } });
  const target = uploadPath(upload.id);
  await mkdir(path.dirname(target), { recursive: true });
  await writeFile(target, bytes);
  const sha256 = createHash("sha256").update(bytes).digest("hex");
  const duplicate = await markIfDuplicate(upload.id, bytes.byteLength, sha256, target);
  if (duplicate) return duplicate;
  return db.$transaction(async (tx) => {
    await enqueueJob("process-upload", { uploadId: upload.id }, tx);
    return tx.upload.update({ where: { id: upload.id }, data: { sizeBytes: bytes.byteLength, sha256, storagePath: target, status: "queued" } });
  });
}

/** All bytes are on disk: the size and hash tell the job so, unless the content was ingested before. */
async function finishReceiving(id: string, size: number, sha256: string, target: string) {
  const duplicate = await markIfDuplicate(id, size, sha256, target);
  if (duplicate) return duplicate;
  await db.upload.update({ where: { id }, data: { sizeBytes: size, sha256 } });
  // Still "receiving" if no worker has picked it up yet; a worker may already have set "processing".
  await db.upload.updateMany({ where: { id, status: "receiving" }, data: { status: "queued" } });
  return db.upload.findUniqueOrThrow({ where: { id } });
}

async function markIfDuplicate(id: string, size: number, sha256: string, target: string) {
  const previous = await db.upload.findFirst({ where: { sha256, id: { not: id }, status: { in: ["queued", "processing", "done"] }, duplicateOf: null } });
  if (!previous) return null;
  await rm(target, { force: true });
  return db.upload.update({
    where: { id },
    data: { sizeBytes: size, sha256, status: "done", duplicateOf: previous.id, storagePath: null, finishedAt: new Date(), report: { duplicateOf: previous.id } },
  });
}

/**
 * Hashes and writes the chunks as they come, one write in flight: what arrives meanwhile is written
 * with the next one (so slow disks get fewer, larger writes, and a worker following the file sees
 * bytes at once). Reading the request body directly (no stream pipeline, no write per chunk) roughly
 * halved the server's CPU per uploaded byte (bench/ingest-e2e.ts).
 */
async function writeAll(chunks: AsyncIterable<Uint8Array>, file: FileHandle, limit: number): Promise<{ bytes: number; sha256: string }> {
  const hash = createHash("sha256");
  let bytes = 0;
  let pending: Uint8Array[] = [];
  let pendingBytes = 0;
  let writing: Promise<void> = Promise.resolve();
  let idle = true;
  const start = () => {
    const slices = pending;
    pending = [];
    pendingBytes = 0;
    idle = false;
    writing = writeSlices(file, slices).finally(() => (idle = true));
    writing.catch(() => undefined); // awaited before the next write or at the end
  };
  try {
    for await (const chunk of chunks) {
      bytes += chunk.length;
      if (bytes > limit) throw new AppError("body_too_large", `Uploads are limited to ${limit} bytes`);
      hash.update(chunk);
      pending.push(chunk);
      pendingBytes += chunk.length;
      if (idle) start();
      else if (pendingBytes >= MAX_PENDING_BYTES) {
        await writing;
        start();
      }
    }
    await writing;
    if (pending.length) start();
    await writing;
  } finally {
    await writing.catch(() => undefined); // nothing is left writing when the caller closes the file
  }
  return { bytes, sha256: hash.digest("hex") };
}

async function writeSlices(file: FileHandle, slices: Uint8Array[]): Promise<void> {
  if (slices.length === 0) return;
  const total = slices.reduce((n, s) => n + s.length, 0);
  const { bytesWritten } = await file.writev(slices);
  if (bytesWritten < total) {
    // A short write (rare: a signal, a full disk) goes on from where it stopped.
    const rest = Buffer.concat(slices).subarray(bytesWritten);
    let at = 0;
    while (at < rest.length) at += (await file.write(rest, at)).bytesWritten;
  }
}

function openSource(request: Request): Promise<Source> {
  const type = request.headers.get("content-type") ?? "";
  const nameHeader = request.headers.get("x-file-name");
  const body = request.body as unknown as AsyncIterable<Uint8Array>;
  if (!type.startsWith("multipart/form-data")) {
    return Promise.resolve({ fileName: nameHeader ? decodeURIComponent(nameHeader) : "upload", chunks: body });
  }
  return new Promise((resolve, reject) => {
    const parser = busboy({ headers: { "content-type": type }, limits: { files: 1 } });
    let found = false;
    parser.on("file", (_field, stream, info) => {
      found = true;
      resolve({ fileName: info.filename || "upload", chunks: stream });
    });
    parser.on("error", (error) => reject(new AppError("bad_request", `Malformed multipart body: ${(error as Error).message}`)));
    parser.on("close", () => {
      if (!found) reject(new AppError("bad_request", "The multipart body has no file part"));
    });
    Readable.fromWeb(request.body as import("node:stream/web").ReadableStream).pipe(parser);
  });
}
