import { z } from "zod";

// The one place that reads process.env (lint forbids it elsewhere); everything is validated at first use.
const envSchema = z.object({
  NODE_ENV: z.enum(["development", "production", "test"]).default("production"),
  DATABASE_URL: z.string().min(1, "DATABASE_URL is required (npm start sets it for the embedded database)"),
  PORT: z.coerce.number().int().min(1).max(65535).default(3000),
  PUBLIC_URL: z.string().url().optional(),
  BETTER_AUTH_SECRET: z.string().min(32, "BETTER_AUTH_SECRET must be at least 32 characters"),
  LATERAL_INSECURE_COOKIES: z.enum(["0", "1"]).default("0"),
  LATERAL_DATA_DIR: z.string().default(".data"),
  LATERAL_UPLOAD_LIMIT_BYTES: z.coerce.number().int().positive().default(2 * 1024 ** 3),
  LATERAL_SIGNIN_RATE_LIMIT: z.coerce.number().int().positive().default(10),
  /** Encrypts connection credentials at rest (npm start generates one into the data folder). */
  LATERAL_SECRETS_KEY: z.string().min(32, "LATERAL_SECRETS_KEY must be at least 32 characters").optional(),
  /** Background jobs a worker runs at once (uploads and connection reads share the queue). */
  LATERAL_WORKER_CONCURRENCY: z.coerce.number().int().min(1).max(16).default(2),
  LOG_LEVEL: z.enum(["fatal", "error", "warn", "info", "debug", "trace", "silent"]).default("info"),
});

export type Env = z.infer<typeof envSchema>;

let cached: Env | undefined;

export function env(): Env {
  if (cached) return cached;
  const parsed = envSchema.safeParse(process.env);
  if (!parsed.success) {
    const problems = parsed.error.issues.map((issue) => `${issue.path.join(".")}: ${issue.message}`);
    throw new Error(`Invalid environment: ${problems.join("; ")}`);
  }
  cached = parsed.data;
  return cached;
}

export function publicUrl(): string {
  const { PUBLIC_URL, PORT } = env();
  return PUBLIC_URL ?? `http://localhost:${PORT}`;
}
