import { betterAuth } from "better-auth";
import { prismaAdapter } from "better-auth/adapters/prisma";
import { nextCookies } from "better-auth/next-js";
import { db } from "@/lib/server/db/client";
import { env, publicUrl } from "@/lib/server/env";

// Better Auth owns password hashing (scrypt), sessions stored in PostgreSQL (so they survive restarts),
// origin checks on its own endpoints and sign-in rate limiting; we own roles and API tokens.
export const auth = betterAuth({
  appName: "Lateral",
  secret: env().BETTER_AUTH_SECRET,
  baseURL: publicUrl(),
  trustedOrigins: trustedOrigins(),
  database: prismaAdapter(db, { provider: "postgresql", transaction: true }),
  emailAndPassword: { enabled: true, disableSignUp: true, minPasswordLength: 12, maxPasswordLength: 256 },
  user: {
    additionalFields: {
      role: { type: "string", required: false, defaultValue: "analyst", input: false },
      disabled: { type: "boolean", required: false, defaultValue: false, input: false },
    },
  },
  session: { expiresIn: 60 * 60 * 12, updateAge: 60 * 60 },
  rateLimit: {
    enabled: true,
    storage: "database",
    modelName: "rateLimit",
    window: 60,
    max: 300,
    customRules: { "/sign-in/email": { window: 60, max: env().LATERAL_SIGNIN_RATE_LIMIT } },
  },
  advanced: {
    useSecureCookies: env().LATERAL_INSECURE_COOKIES !== "1",
    cookiePrefix: "lateral",
    defaultCookieAttributes: { httpOnly: true, sameSite: "lax" },
    database: { generateId: () => crypto.randomUUID() },
  },
  telemetry: { enabled: false },
  plugins: [nextCookies()],
});

function trustedOrigins(): string[] {
  const url = new URL(publicUrl());
  const origins = new Set([url.origin]);
  if (url.hostname === "localhost") origins.add(`${url.protocol}//127.0.0.1:${url.port || env().PORT}`);
  return [...origins];
}
