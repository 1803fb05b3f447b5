import type { EcsEvent } from "@/lib/ecs/event";
import { eventKeys } from "@/lib/server/events/event-keys";
import { insertEvents } from "@/lib/server/events/insert-events";

/**
 * Stores events read from a cluster as evidence, tagged with their connection. An event read again by
 * an overlapping window (or also uploaded as a file) has the same fingerprint and is skipped.
 */
export async function storeClusterEvents(connectionId: string, events: EcsEvent[]): Promise<number> {
  return insertEvents({ connectionId }, events.map((event) => ({ event, keys: eventKeys(event) })));
}
