import { readFileSync } from "node:fs";
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { bytesOf, corpusEvtxFiles } from "@/lib/ingest/evtx/evtx-test-helpers";
import type { EvtxItem } from "@/lib/ingest/evtx/evtx-types";
import { readEvtx } from "@/lib/ingest/evtx/read-evtx";

const { evtx } = corpusEvtxFiles().find((f) => f.dir === "mdec-psexec-target-security")!;
const original = readFileSync(evtx);

async function drain(bytes: Uint8Array): Promise<EvtxItem[]> {
  const out: EvtxItem[] = [];
  // "parse" makes damaged record data reach the BinXML parser instead of being skipped by the CRC.
  for await (const item of readEvtx(bytesOf(bytes), { onDataChecksumMismatch: "parse" })) out.push(item);
  return out;
}

describe("readEvtx never throws past the file header on damaged input", () => {
  it("random byte flips in the records area: completes, every record well-formed or reported", async () => {
    await fc.assert(
      fc.asyncProperty(fc.array(fc.tuple(fc.integer({ min: 4096 + 512, max: original.length - 1 }), fc.integer({ min: 1, max: 255 })), { minLength: 1, maxLength: 40 }), async (flips) => {
        const damaged = Buffer.from(original);
        for (const [at, x] of flips) damaged[at] ^= x;
        const items = await drain(damaged);
        expect(items.length).toBeGreaterThan(0);
        for (const item of items) if (item.kind === "record") expect(typeof item.record.event.System).toBe("object");
      }),
      { numRuns: 150 },
    );
  });

  it("random garbage after a valid file header: completes with problems only", async () => {
    await fc.assert(
      fc.asyncProperty(fc.uint8Array({ minLength: 0, maxLength: 70000 }), async (tail) => {
        const items = await drain(Buffer.concat([original.subarray(0, 4096), tail]));
        expect(items.every((i) => i.kind === "problem")).toBe(true);
      }),
      { numRuns: 60 },
    );
  });
});
