import type { PoolConfig } from "pg";

/**
 * Turns a postgres:// URL into discrete pg options. `@prisma/adapter-pg` derives its shadow database
 * with `{ ...config, database }`, which pg ignores whenever `connectionString` is present (the URL wins),
 * so the schema engine must be handed fields, not a URL.
 */
export function toPgConfig(connectionString: string): PoolConfig {
  const url = new URL(connectionString);
  if (url.protocol !== "postgres:" && url.protocol !== "postgresql:") {
    throw new Error(`Not a PostgreSQL URL: ${url.protocol}//…`);
  }
  const params = url.searchParams;
  const config: PoolConfig = {
    host: params.get("host") ?? (decodeURIComponent(url.hostname.replace(/^\[|\]$/g, "")) || "localhost"),
    port: url.port ? Number(url.port) : 5432,
    user: params.get("user") ?? (url.username ? decodeURIComponent(url.username) : undefined),
    password: params.get("password") ?? (url.password ? decodeURIComponent(url.password) : undefined),
    database: decodeURIComponent(url.pathname.slice(1)) || undefined,
  };
  const sslmode = params.get("sslmode");
  if (sslmode && sslmode !== "disable" && sslmode !== "prefer" && sslmode !== "allow") {
    // verify-ca/verify-full check the certificate; require only asks for encryption.
    config.ssl = sslmode.startsWith("verify") ? true : { rejectUnauthorized: false };
  }
  return config;
}

/** The same server, another database: for admin connections and throwaway test databases. */
export function withDatabase(connectionString: string, database: string): string {
  const url = new URL(connectionString);
  url.pathname = `/${encodeURIComponent(database)}`;
  return url.toString();
}
