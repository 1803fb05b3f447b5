import { request as httpRequest, type IncomingHttpHeaders } from "node:http";
import { request as httpsRequest } from "node:https";
import { ClusterError, type ClusterAuth, type ClusterConfig } from "@/lib/server/connections/cluster/search-cluster";
import { fromAnswer, type ErrorContext, type HttpAnswer } from "@/lib/server/connections/cluster/to-cluster-error";

/**
 * A plain `GET /` with the connection's TLS and auth settings. Vendor clients cannot ask this
 * neutrally: the Elasticsearch client refuses any server that is not Elasticsearch. Non-2xx answers
 * become ClusterErrors; transport errors are thrown as they are, for toClusterError to classify.
 */
export async function fetchRoot(config: ClusterConfig, ctx: ErrorContext): Promise<HttpAnswer> {
  let lastError: unknown = new Error("no URL configured");
  for (const url of config.urls) {
    try {
      const answer = await getOnce(new URL(url), config, ctx.timeoutMs);
      if (answer.statusCode >= 200 && answer.statusCode < 300) return answer;
      throw fromAnswer(answer, ctx);
    } catch (error) {
      lastError = error;
      if (error instanceof ClusterError) throw error; // the cluster answered: other URLs would say the same
    }
  }
  throw lastError;
}

function getOnce(url: URL, config: ClusterConfig, timeoutMs: number): Promise<HttpAnswer> {
  const request = url.protocol === "https:" ? httpsRequest : httpRequest;
  const path = url.pathname.endsWith("/") ? url.pathname : `${url.pathname}/`;
  return new Promise((resolve, reject) => {
    const req = request(
      { protocol: url.protocol, hostname: url.hostname, port: url.port, path, method: "GET", headers: headersFor(config.auth), ca: config.caCert ?? undefined, rejectUnauthorized: config.verifyTls, timeout: timeoutMs },
      (res) => {
        const chunks: Buffer[] = [];
        res.on("data", (chunk: Buffer) => chunks.push(chunk));
        res.on("error", reject);
        res.on("end", () => resolve({ statusCode: res.statusCode ?? 0, headers: res.headers, body: parseBody(res.headers, Buffer.concat(chunks).toString("utf8")) }));
      },
    );
    req.on("timeout", () => req.destroy(Object.assign(new Error("Request timed out"), { name: "TimeoutError" })));
    req.on("error", reject);
    req.end();
  });
}

function headersFor(auth: ClusterAuth): Record<string, string> {
  const headers: Record<string, string> = { accept: "application/json" };
  if (auth.kind === "basic") headers.authorization = `Basic ${Buffer.from(`${auth.username}:${auth.password}`).toString("base64")}`;
  if (auth.kind === "api_key") headers.authorization = `ApiKey ${auth.apiKey}`;
  return headers;
}

function parseBody(headers: IncomingHttpHeaders, text: string): unknown {
  if (!headers["content-type"]?.includes("json")) return text;
  try {
    return JSON.parse(text);
  } catch {
    return text;
  }
}
