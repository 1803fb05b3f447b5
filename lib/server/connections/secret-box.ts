import { createCipheriv, createDecipheriv, hkdfSync, randomBytes } from "node:crypto";
import { env } from "@/lib/server/env";
import { AppError } from "@/lib/server/http/problem";

const VERSION = "v1";

/** AES-256-GCM with a key derived from LATERAL_SECRETS_KEY; the tag makes a tampered or wrongly keyed value fail. */
export function encryptSecret(plain: string): string {
  const iv = randomBytes(12);
  const cipher = createCipheriv("aes-256-gcm", key(), iv);
  const data = Buffer.concat([cipher.update(plain, "utf8"), cipher.final()]);
  return [VERSION, iv.toString("base64url"), cipher.getAuthTag().toString("base64url"), data.toString("base64url")].join(":");
}

export function decryptSecret(sealed: string): string {
  const [version, iv, tag, data] = sealed.split(":");
  if (version !== VERSION || !iv || !tag || data === undefined) throw new Error("stored credential has an unknown format");
  try {
    const decipher = createDecipheriv("aes-256-gcm", key(), Buffer.from(iv, "base64url"));
    decipher.setAuthTag(Buffer.from(tag, "base64url"));
    return Buffer.concat([decipher.update(Buffer.from(data, "base64url")), decipher.final()]).toString("utf8");
  } catch {
    throw new Error("stored credential cannot be decrypted: LATERAL_SECRETS_KEY changed since it was saved; enter the credential again");
  }
}

function key(): Buffer {
  const secret = env().LATERAL_SECRETS_KEY;
  if (!secret) throw new AppError("unavailable", "LATERAL_SECRETS_KEY is not set: connection credentials cannot be stored");
  return Buffer.from(hkdfSync("sha256", secret, "lateral", "connection credentials", 32));
}
