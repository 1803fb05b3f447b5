import type { CreateConnectionInput, UpdateConnectionInput } from "@/lib/server/api/contracts/connections";
import { toConnectionDto } from "@/lib/server/connections/connection-dto";
import { encryptSecret } from "@/lib/server/connections/secret-box";
import { db } from "@/lib/server/db/client";
import { Prisma } from "@/lib/server/db/generated/client";
import { AppError } from "@/lib/server/http/problem";
import { loadBundledRules } from "@/lib/server/rules/load-rules";

export async function createConnection(input: CreateConnectionInput) {
  const { auth, caCert, ...fields } = input;
  if (auth.kind !== "none" && !secretOf(auth)) throw new AppError("validation_failed", `${auth.kind === "basic" ? "A password" : "An API key"} is required`);
  await checkRules(input.ruleIds);
  const connection = await db.connection.create({ data: { ...fields, ...authColumns(auth), caCert: caCert || null } }).catch(nameTaken);
  return toConnectionDto(connection, null);
}

/** Changing the URLs or credentials forgets the learned flavour; a left-out secret keeps the stored one. */
export async function updateConnection(id: string, input: UpdateConnectionInput) {
  const current = await db.connection.findUnique({ where: { id } });
  if (!current) throw new AppError("not_found", "No such connection");
  const { auth, caCert, ...fields } = input;
  if (input.ruleIds) await checkRules(input.ruleIds);
  const lookback = input.lookbackSeconds ?? current.lookbackSeconds;
  if (lookback < (input.intervalSeconds ?? current.intervalSeconds)) throw new AppError("validation_failed", "the lookback must be at least the interval");
  const data: Prisma.ConnectionUpdateInput = { ...fields };
  if (caCert !== undefined) data.caCert = caCert || null;
  if (auth) {
    const secret = secretOf(auth);
    if (auth.kind !== "none" && !secret && (current.authKind !== auth.kind || !current.secretCipher)) {
      throw new AppError("validation_failed", `${auth.kind === "basic" ? "A password" : "An API key"} is required`);
    }
    Object.assign(data, authColumns(auth, secret ? undefined : current.secretCipher));
  }
  if (auth || input.urls) Object.assign(data, { flavor: null });
  if (input.enabled === true && !current.enabled) data.nextRunAt = new Date();
  const connection = await db.connection.update({ where: { id }, data, include: { runs: { orderBy: { startedAt: "desc" }, take: 1 } } }).catch(nameTaken);
  const { runs, ...rest } = connection;
  return toConnectionDto(rest, runs[0] ?? null);
}

export async function deleteConnection(id: string) {
  const { count } = await db.connection.deleteMany({ where: { id } });
  if (count === 0) throw new AppError("not_found", "No such connection");
  // Its queued read has nothing left to do; a running one notices at its next page and stops.
  await db.$executeRaw`DELETE FROM job WHERE kind = 'pull-connection' AND status = 'queued' AND payload->>'connectionId' = ${id}`;
  return { deleted: true as const };
}

type AuthInput = CreateConnectionInput["auth"];

function secretOf(auth: AuthInput): string | undefined {
  return auth.kind === "basic" ? auth.password : auth.kind === "api_key" ? auth.apiKey : undefined;
}

function authColumns(auth: AuthInput, keepCipher?: string | null) {
  const secret = secretOf(auth);
  return {
    authKind: auth.kind,
    username: auth.kind === "basic" ? auth.username : null,
    secretCipher: auth.kind === "none" ? null : secret ? encryptSecret(secret) : (keepCipher ?? null),
  };
}

async function checkRules(ruleIds: string[]) {
  const known = new Set((await loadBundledRules()).map((rule) => rule.id));
  const unknown = ruleIds.filter((id) => !known.has(id));
  if (unknown.length) throw new AppError("validation_failed", `Unknown rule id(s): ${unknown.join(", ")}`);
}

function nameTaken(error: unknown): never {
  if (error instanceof Prisma.PrismaClientKnownRequestError && error.code === "P2002") throw new AppError("conflict", "A connection with this name exists");
  throw error;
}
