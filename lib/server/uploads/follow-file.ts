import { open } from "node:fs/promises";

/** While an upload is arriving: its final size once all bytes are on disk, or "gone" (failed, duplicate). */
export type Arrival = () => Promise<{ size: number } | "arriving" | "gone">;

/** The upload was removed or found to be a duplicate while it was being read: drop the work. */
export class UploadGone extends Error {
  constructor() {
    super("the upload was removed while it was being processed");
  }
}

const CHUNK_BYTES = 256 * 1024; // as read-upload-batches.ts reads a complete file
const WAIT_MS = 50;
const CHECK_EVERY_MS = 200;
/** A receiver that wrote nothing for this long has died without saying so. */
const IDLE_LIMIT_MS = 10 * 60 * 1000;

/**
 * Reads a file that is still being written, as `tail -f` would, until `arrival` gives its final size
 * and all of it has been read. Only the end of what is there so far waits (and asks `arrival`, at most
 * every CHECK_EVERY_MS).
 */
export async function* followFile(filePath: string, arrival: Arrival): AsyncIterable<Uint8Array> {
  const handle = await open(filePath, "r").catch(async (error: NodeJS.ErrnoException) => {
    // Removed before it could be opened: a duplicate or a failed upload, or a real problem.
    if (error.code === "ENOENT" && (await arrival()) === "gone") throw new UploadGone();
    throw error;
  });
  try {
    let position = 0;
    let size: number | undefined;
    let lastData = Date.now();
    let lastCheck = 0;
    let buffer = Buffer.allocUnsafe(CHUNK_BYTES);
    for (;;) {
      const { bytesRead } = await handle.read(buffer, 0, CHUNK_BYTES, position);
      if (bytesRead > 0) {
        position += bytesRead;
        lastData = Date.now();
        const chunk = buffer.subarray(0, bytesRead);
        buffer = Buffer.allocUnsafe(CHUNK_BYTES); // the reader may keep what it was given
        yield chunk;
        continue;
      }
      if (size !== undefined && position >= size) return;
      if (size === undefined && Date.now() - lastCheck >= CHECK_EVERY_MS) {
        lastCheck = Date.now();
        const state = await arrival();
        if (state === "gone") throw new UploadGone();
        if (state !== "arriving") {
          size = state.size;
          continue; // the last bytes may have landed since the read
        }
      }
      if (Date.now() - lastData > IDLE_LIMIT_MS) throw new Error("the upload stopped arriving");
      await new Promise((resolve) => setTimeout(resolve, WAIT_MS));
    }
  } finally {
    await handle.close();
  }
}

/** Waits until the file holds at least `bytes` bytes or has fully arrived. */
export async function waitForBytes(filePath: string, bytes: number, arrival: Arrival): Promise<void> {
  for await (const chunk of followFile(filePath, arrival)) {
    bytes -= chunk.length;
    if (bytes <= 0) return;
  }
}
