import { describe, expect, it } from "vitest";
import { hashPair } from "@/lib/server/events/string-hash";
import { UnstoredSummary } from "@/lib/server/events/unstored-summary";

describe("UnstoredSummary", () => {
  it("never forgets an id it was given, rarely claims one it was not, and keeps process and parent ids apart", () => {
    const summary = new UnstoredSummary();
    const ids = Array.from({ length: 100_000 }, (_, i) => `{${i.toString(16).padStart(8, "0")}-6a3f-5f8d-0000-000000000000}`);
    for (const id of ids) {
      const h = hashPair(id);
      summary.addEntity(h[0], h[1]);
    }
    expect(ids.every((id) => summary.mayHaveEntity(id))).toBe(true);
    const others = Array.from({ length: 100_000 }, (_, i) => `{other-${i}}`);
    expect(others.filter((id) => summary.mayHaveEntity(id)).length).toBeLessThan(100);
    expect(ids.slice(0, 1000).filter((id) => summary.mayHaveChildOf(id)).length).toBeLessThan(5);
  });

  it("answers per host with the newest dropped time, DNS apart", () => {
    const summary = new UnstoredSummary();
    summary.addTime("srv1", 1_000, false);
    summary.addTime("srv1", 500, true);
    expect([summary.newestOn("srv1", false), summary.newestOn("srv1", true), summary.newestOn("srv2", false)]).toEqual([1_000, 500, Number.NEGATIVE_INFINITY]);
  });
});
