import { randomBytes } from "node:crypto";
import { durationMs } from "@/test/fake-elasticsearch/dates";
import { allShardsFailed, badRequest } from "@/test/fake-elasticsearch/es-error";
import type { ShardView } from "@/test/fake-elasticsearch/index-store";

export type Pit = { id: string; contextId: number; shards: ShardView[]; expiresAt: number };

const ID_PREFIX = "fakepit";
const MAX_KEEP_ALIVE_MS = 86_400_000; // search.max_keep_alive

/** Points in time: frozen shard views that expire `keep_alive` after their last use. */
export class PitRegistry {
  private readonly pits = new Map<string, Pit>();
  private nextContext = 1;

  open(shards: ShardView[], keepAlive: string): Pit {
    const contextId = this.nextContext++;
    // Real ids are opaque base64 blobs; this one only has to look like one and be unguessable.
    const id = Buffer.from(`${ID_PREFIX}:${contextId}:${randomBytes(24).toString("hex")}`).toString("base64");
    const pit = { id, contextId, shards, expiresAt: Date.now() + keepAliveMs(keepAlive) };
    this.pits.set(id, pit);
    return pit;
  }

  /** The PIT for a search; `keepAlive` extends it. Expired or closed → 404 search_context_missing. */
  use(id: string, keepAlive: string | undefined): Pit {
    const pit = this.pits.get(id);
    if (!pit || pit.expiresAt <= Date.now()) {
      this.pits.delete(id);
      throw missing(contextIdOf(id));
    }
    if (keepAlive !== undefined) pit.expiresAt = Date.now() + keepAliveMs(keepAlive);
    return pit;
  }

  close(id: string): boolean {
    const pit = this.pits.get(id);
    this.pits.delete(id);
    return pit !== undefined && pit.expiresAt > Date.now();
  }

  /** Test hook: every open PIT expires now, as if keep_alive had passed. */
  expireAll(): void {
    for (const pit of this.pits.values()) pit.expiresAt = 0;
  }

  get openCount(): number {
    return [...this.pits.values()].filter((p) => p.expiresAt > Date.now()).length;
  }

  clear(): void {
    this.pits.clear();
  }
}

export function keepAliveMs(keepAlive: string): number {
  const ms = durationMs(keepAlive, "keep_alive");
  if (ms > MAX_KEEP_ALIVE_MS) {
    throw badRequest("illegal_argument_exception", `Keep alive for request (${keepAlive}) is too large. It must be less than (1d). This limit can be set by changing the [search.max_keep_alive] cluster level setting.`);
  }
  return ms;
}

function contextIdOf(id: string): number {
  const [prefix, context] = Buffer.from(id, "base64").toString("utf8").split(":");
  if (prefix !== ID_PREFIX || !/^\d+$/.test(context ?? "")) throw badRequest("illegal_argument_exception", `invalid id: [${id}]`);
  return Number(context);
}

function missing(contextId: number) {
  const cause = { type: "search_context_missing_exception", reason: `No search context found for id [${contextId}]` };
  const error = allShardsFailed(404, cause);
  (error.body as { error: { failed_shards: unknown[] } }).error.failed_shards = [{ shard: -1, index: null, reason: cause }];
  return error;
}
