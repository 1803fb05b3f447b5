import { readdirSync, readFileSync } from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { detectAll } from "@/lib/detection/detect-all";
import { loadRule } from "@/lib/detection/rules/load-rule";
import type { EcsEvent } from "@/lib/ecs/event";

// The shared, read-only scenarios written from Elasticsearch's documented behaviour (detection.md §2).
const DIR = path.resolve(__dirname, "../../../shared/data/eql-semantics");
const RULES = path.resolve(__dirname, "../../rules");
const seed = loadRule(readFileSync(path.join(RULES, "psexec-network-connection.toml"), "utf8"), "seed");

/** EXPECTED.txt: `name<TAB>[A,B] [A2,B]` or `name<TAB>none …`; 07 is ES-undefined, ours = input order. */
function expectedFor(line: string): string[][] {
  const [, result] = line.split("\t");
  if (result.startsWith("none")) return [];
  if (result.startsWith("ES: undefined")) return [["A", "B"]];
  return [...result.matchAll(/\[([^\]]+)\]/g)].map((m) => m[1].split(","));
}

const cases = readFileSync(path.join(DIR, "EXPECTED.txt"), "utf8")
  .split("\n")
  .filter((l) => l.trim())
  .map((line) => ({ name: line.split("\t")[0], expected: expectedFor(line) }));

const readEvents = (name: string): EcsEvent[] => {
  const file = readdirSync(DIR).find((f) => f.startsWith(name));
  return readFileSync(path.join(DIR, file!), "utf8").split("\n").filter((l) => l.trim()).map((l) => JSON.parse(l));
};

describe("Elasticsearch EQL semantics for the seed rule (shared/data/eql-semantics)", () => {
  it("covers all 25 scenarios", () => expect(cases).toHaveLength(25));

  it.each(cases)("$name", ({ name, expected }) => {
    const { detections } = detectAll([{ id: seed.id, query: seed.query }], readEvents(name));
    expect(detections.map((d) => d.events.map((e) => e._id))).toEqual(expected);
  });
});
