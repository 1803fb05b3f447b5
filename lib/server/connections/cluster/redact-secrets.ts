import type { ClusterAuth } from "@/lib/server/connections/cluster/search-cluster";

const REDACTED = "[redacted]";

/** Every form in which a credential could travel: raw, and the base64 the Authorization header carries. */
export function secretsOf(auth: ClusterAuth): string[] {
  if (auth.kind === "basic") return [auth.password, Buffer.from(`${auth.username}:${auth.password}`).toString("base64")];
  if (auth.kind === "api_key") return [auth.apiKey];
  return [];
}

/**
 * Messages shown to admins and logged must never carry a credential, whatever the server or the
 * client library echoed. Very short secrets are skipped: replacing every "a" would garble the text
 * without protecting anything.
 */
export function redactSecrets(message: string, secrets: string[]): string {
  let out = message.replace(/(\/\/)[^/@\s]+@/g, "$1"); // user:password@ in URLs
  for (const secret of secrets) {
    if (secret.length >= 3) out = out.split(secret).join(REDACTED);
  }
  return out;
}
