import { describe, expect, it } from "vitest";
import { toEcsEvent } from "@/lib/ingest/ecs-json";

describe("toEcsEvent", () => {
  it.each([
    ["plain nested object is kept", { process: { name: "x" } }, { process: { name: "x" } }],
    ["dotted keys expand and merge with nested siblings", { "process.name": "x", process: { pid: 1 }, "process.parent.name": "y" }, { process: { name: "x", pid: 1, parent: { name: "y" } } }],
    ["@timestamp is never split", { "@timestamp": "t", "event.category": ["process"] }, { "@timestamp": "t", event: { category: ["process"] } }],
    ["ES hit unwraps _source and keeps _id/_index", { _index: "winlogbeat-1", _id: "abc", _source: { "host.name": "h" } }, { host: { name: "h" }, _id: "abc", _index: "winlogbeat-1" }],
    ["nested dotted keys inside objects", { process: { "parent.name": "p" } }, { process: { parent: { name: "p" } } }],
    ["not an object", [1, 2], null],
    ["null", null, null],
  ])("%s", (_name, input, expected) => {
    expect(toEcsEvent(input)).toEqual(expected);
  });
});
