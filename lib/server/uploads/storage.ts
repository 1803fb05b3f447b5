import path from "node:path";
import { env } from "@/lib/server/env";

/** Uploaded files are kept on disk (streamed, never buffered whole) until their job has run. */
export function uploadPath(uploadId: string): string {
  return path.resolve(env().LATERAL_DATA_DIR, "uploads", uploadId);
}
