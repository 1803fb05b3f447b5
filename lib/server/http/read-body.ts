import { AppError } from "@/lib/server/http/problem";

const DEFAULT_LIMIT = 1024 * 1024;

/** Reads a JSON body while counting bytes, so a lying or missing Content-Length cannot bypass the limit. */
export async function readJsonBody(request: Request, limit = DEFAULT_LIMIT): Promise<unknown> {
  const type = request.headers.get("content-type") ?? "";
  if (!/^application\/(.+\+)?json\b/i.test(type)) {
    throw new AppError("unsupported_media_type", "Request body must be application/json");
  }
  const declared = Number(request.headers.get("content-length") ?? "0");
  if (declared > limit) throw new AppError("body_too_large", `Request body exceeds ${limit} bytes`);
  if (!request.body) throw new AppError("invalid_json", "Request body is empty");
  const reader = request.body.getReader();
  const chunks: Uint8Array[] = [];
  let total = 0;
  for (;;) {
    const { done, value } = await reader.read();
    if (done) break;
    total += value.byteLength;
    if (total > limit) {
      await reader.cancel();
      throw new AppError("body_too_large", `Request body exceeds ${limit} bytes`);
    }
    chunks.push(value);
  }
  const text = new TextDecoder("utf-8", { fatal: false }).decode(Buffer.concat(chunks));
  try {
    return JSON.parse(text);
  } catch (error) {
    throw new AppError("invalid_json", `Malformed JSON body: ${(error as Error).message}`);
  }
}
