import { createHash } from "node:crypto";
import { createWriteStream } from "node:fs";
import { mkdir, rename, rm, writeFile } from "node:fs/promises";
import path from "node:path";
import { Readable, Transform, type TransformCallback } from "node:stream";
import { pipeline } from "node:stream/promises";
import busboy from "busboy";
import { db } from "@/lib/server/db/client";
import { env } from "@/lib/server/env";
import { AppError } from "@/lib/server/http/problem";
import { enqueueJob } from "@/lib/server/jobs/queue";
import { uploadPath } from "@/lib/server/uploads/storage";

type Source = { fileName: string; stream: Readable };

/**
 * Streams the request body (raw, or the first file of a multipart form) to disk while hashing and
 * counting it; the size limit is enforced on the bytes received, not on headers. A file whose content
 * was already ingested is recorded as a duplicate and not processed again.
 */
export async function receiveUpload(request: Request, userId: string) {
  if (!request.body) throw new AppError("bad_request", "The upload has no body");
  const limit = env().LATERAL_UPLOAD_LIMIT_BYTES;
  const declared = Number(request.headers.get("content-length") ?? "0");
  if (declared > limit) throw new AppError("body_too_large", `Uploads are limited to ${limit} bytes`);
  const source = await openSource(request);
  const upload = await db.upload.create({ data: { fileName: source.fileName.slice(0, 255), userId, status: "receiving" } });
  const target = uploadPath(upload.id);
  await mkdir(path.dirname(target), { recursive: true });
  const meter = new Meter(limit);
  try {
    await pipeline(source.stream, meter, createWriteStream(`${target}.part`));
    if (meter.bytes === 0) throw new AppError("bad_request", "The uploaded file is empty");
    await rename(`${target}.part`, target);
  } catch (error) {
    await rm(`${target}.part`, { force: true });
    await db.upload.delete({ where: { id: upload.id } });
    if (error instanceof AppError) throw error;
    throw new AppError("bad_request", `Upload interrupted: ${(error as Error).message}`);
  }
  return queueUpload(upload.id, meter.bytes, meter.sha256(), target);
}

/** Stores an upload made on the server (sample data, tests) through the same queue as received files. */
export async function createUploadFromBytes(fileName: string, bytes: Uint8Array, userId: string | null) {
  const upload = await db.upload.create({ data: { fileName, userId, status: "receiving" } });
  const target = uploadPath(upload.id);
  await mkdir(path.dirname(target), { recursive: true });
  await writeFile(target, bytes);
  return queueUpload(upload.id, bytes.byteLength, createHash("sha256").update(bytes).digest("hex"), target);
}

async function queueUpload(id: string, size: number, sha256: string, target: string) {
  const previous = await db.upload.findFirst({ where: { sha256, status: { in: ["queued", "processing", "done"] }, duplicateOf: null } });
  if (previous) {
    await rm(target, { force: true });
    return db.upload.update({
      where: { id },
      data: { sizeBytes: size, sha256, status: "done", duplicateOf: previous.id, finishedAt: new Date(), report: { duplicateOf: previous.id } },
    });
  }
  return db.$transaction(async (tx) => {
    await enqueueJob("process-upload", { uploadId: id }, tx);
    return tx.upload.update({ where: { id }, data: { sizeBytes: size, sha256, storagePath: target, status: "queued" } });
  });
}

function openSource(request: Request): Promise<Source> {
  const type = request.headers.get("content-type") ?? "";
  const nameHeader = request.headers.get("x-file-name");
  const body = Readable.fromWeb(request.body as import("node:stream/web").ReadableStream);
  if (!type.startsWith("multipart/form-data")) {
    return Promise.resolve({ fileName: nameHeader ? decodeURIComponent(nameHeader) : "upload", stream: body });
  }
  return new Promise((resolve, reject) => {
    const parser = busboy({ headers: { "content-type": type }, limits: { files: 1 } });
    let found = false;
    parser.on("file", (_field, stream, info) => {
      found = true;
      resolve({ fileName: info.filename || "upload", stream });
    });
    parser.on("error", (error) => reject(new AppError("bad_request", `Malformed multipart body: ${(error as Error).message}`)));
    parser.on("close", () => {
      if (!found) reject(new AppError("bad_request", "The multipart body has no file part"));
    });
    body.pipe(parser);
  });
}

class Meter extends Transform {
  bytes = 0;
  private readonly hash = createHash("sha256");
  constructor(private readonly limit: number) {
    super();
  }
  override _transform(chunk: Buffer, _encoding: BufferEncoding, done: TransformCallback): void {
    this.bytes += chunk.length;
    if (this.bytes > this.limit) return done(new AppError("body_too_large", `Uploads are limited to ${this.limit} bytes`));
    this.hash.update(chunk);
    done(null, chunk);
  }
  sha256(): string {
    return this.hash.digest("hex");
  }
}
