import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { readJsonRecordBatches, readJsonRecords, type JsonRecord } from "@/lib/ingest/json-records";

async function* chunked(text: string, size: number): AsyncIterable<Uint8Array> {
  const bytes = new TextEncoder().encode(text);
  for (let i = 0; i < bytes.length; i += size) yield bytes.slice(i, i + size);
}
const collect = async (text: string, size = 3) => {
  const out: JsonRecord[] = [];
  for await (const r of readJsonRecords(chunked(text, size))) out.push(r);
  return out;
};
const brief = (rs: JsonRecord[]) => rs.map((r) => (r.ok ? [r.line, r.index, r.value] : [r.line, r.index, "ERR"]));

describe("readJsonRecords", () => {
  it.each([
    ["NDJSON with blank lines and CRLF", '{"a":1}\r\n\n  \n{"b":"é"}\n', [[1, 0, { a: 1 }], [4, 1, { b: "é" }]]],
    ["NDJSON without final newline", '1\n"x"', [[1, 0, 1], [2, 1, "x"]]],
    ["malformed line is reported and reading continues", '{"a":1}\n{oops\n{"c":3}\n', [[1, 0, { a: 1 }], [2, 1, "ERR"], [3, 2, { c: 3 }]]],
    ["BOM is ignored", '\uFEFF{"a":1}\n', [[1, 0, { a: 1 }]]],
    ["JSON array across lines", '\n[\n {"a":"x,]}"},\n {"b":[1,{"c":2}]}\n]\n', [[3, 0, { a: "x,]}" }], [4, 1, { b: [1, { c: 2 }] }]]],
    ["escaped quotes inside array strings", '[{"a":"\\"]"}, 2]', [[1, 0, { a: '"]' }], [1, 1, 2]]],
    ["empty array", "[]", []],
    ["bad element in an array keeps going", "[1, {x}, 3]", [[1, 0, 1], [1, 1, "ERR"], [1, 2, 3]]],
    ["unclosed array", "[1, 2", [[1, 0, 1], [1, 1, "ERR"]]],
    ["empty input", "", []],
  ])("%s", async (_name, text, expected) => {
    expect(brief(await collect(text))).toEqual(expected);
  });

  it("gives the same records whatever the chunk size (NDJSON and array)", async () => {
    // Records are objects: an NDJSON stream starting with an array is read as one JSON array by design.
    const value = fc.dictionary(fc.string(), fc.jsonValue({ maxDepth: 3 }));
    await fc.assert(fc.asyncProperty(fc.array(value, { maxLength: 8 }), fc.integer({ min: 1, max: 17 }), fc.boolean(), async (values, size, asArray) => {
      const text = asArray ? JSON.stringify(values, null, 1) : values.map((v) => JSON.stringify(v)).join("\n");
      const got = (await collect(text, size)).map((r) => (r.ok ? r.value : "ERR"));
      // JSON.parse(JSON.stringify(x)) is the independent oracle (it normalises -0 to 0).
      expect(got).toEqual(values.map((v) => JSON.parse(JSON.stringify(v))));
    }), { numRuns: 200 });
  });
});

describe("oversize NDJSON records", () => {
  it("skips a line longer than the limit without buffering it, reports its line, and keeps going", async () => {
    const { MAX_RECORD_BYTES } = await import("@/lib/ingest/json-records");
    async function* source() {
      yield new TextEncoder().encode('{"a":1}\n{"huge":"');
      const block = new Uint8Array(1024 * 1024).fill(0x41);
      for (let sent = 0; sent <= MAX_RECORD_BYTES + block.length; sent += block.length) yield block;
      yield new TextEncoder().encode('"}\n{"b":2}\n');
    }
    const records = [];
    for await (const record of readJsonRecords(source())) records.push(record);
    expect(records).toEqual([
      { ok: true, value: { a: 1 }, text: '{"a":1}', line: 1, index: 0 },
      { ok: false, error: "record longer than 16 MiB: skipped", line: 2, index: 1 },
      { ok: true, value: { b: 2 }, text: '{"b":2}', line: 3, index: 2 },
    ]);
  });
});

describe("readJsonRecordBatches", () => {
  async function batchesOf(bytes: Uint8Array, size: number): Promise<JsonRecord[][]> {
    async function* chunks() {
      for (let i = 0; i < bytes.length; i += size) yield bytes.slice(i, i + size);
    }
    const out: JsonRecord[][] = [];
    for await (const batch of readJsonRecordBatches(chunks())) out.push(batch);
    return out;
  }

  /** The NDJSON rules stated in readJsonRecords, applied to the whole text at once. */
  function ndjsonOracle(text: string): JsonRecord[] {
    const out: JsonRecord[] = [];
    text.split("\n").forEach((raw, i) => {
      const line = (i === 0 ? raw.replace(/^\uFEFF/, "") : raw).replace(/\r$/, "");
      if (line.trim() === "") return;
      try {
        out.push({ ok: true, value: JSON.parse(line), text: line, line: i + 1, index: out.length });
      } catch {
        out.push({ ok: false, error: "ERR", line: i + 1, index: out.length });
      }
    });
    return out;
  }
  const withoutErrors = (records: JsonRecord[]) => records.map((r) => (r.ok ? r : { ...r, error: "ERR" }));

  it.each([
    ["CRLF, blank and whitespace-only lines", '{"a":1}\r\n\r\n \t\r\n{"b":2}\r\n'],
    ["BOM before the first line", '\uFEFF{"a":"x"}\n{"b":"y"}'],
    ["multi-byte UTF-8 (2, 3 and 4 bytes) in keys and values", '{"é":"naïve"}\n{"k":"日本語"}\n{"e":"😀 ok"}\n'],
    ["a bad line between good ones, and no final newline", '{"a":1}\n{"b":\n{"c":3}'],
    ["a leading blank line and trailing spaces", '\n  {"a":1}  \n{"b":2}\n\n'],
  ])("%s: the same records at every chunk size, batches never empty", async (_name, text) => {
    const bytes = new TextEncoder().encode(text);
    const expected = ndjsonOracle(text);
    for (let size = 1; size <= bytes.length; size++) {
      const batches = await batchesOf(bytes, size);
      expect(batches.every((batch) => batch.length > 0)).toBe(true);
      expect(withoutErrors(batches.flat())).toEqual(expected);
    }
  });

  it("a JSON array file: the same elements at every chunk size", async () => {
    const text = '[\r\n {"a":"é,]"},\n {"b":[1,{"c":"😀"}]},\n 3\n]\n';
    const bytes = new TextEncoder().encode(text);
    const expected = [
      { ok: true, value: { a: "é,]" }, text: '{"a":"é,]"}', line: 2, index: 0 },
      { ok: true, value: { b: [1, { c: "😀" }] }, text: '{"b":[1,{"c":"😀"}]}', line: 3, index: 1 },
      { ok: true, value: 3, text: "3", line: 4, index: 2 },
    ];
    for (let size = 1; size <= bytes.length; size++) expect((await batchesOf(bytes, size)).flat()).toEqual(expected);
  });

  it("invalid UTF-8 decodes as a whole-text decode would (U+FFFD), wherever the chunks are cut", async () => {
    // String contents of random bytes (no newline, quote, backslash or control byte, so each line is one
    // JSON string): truncated and stray multi-byte sequences fall next to the line's end and chunk cuts.
    const content = fc.uint8Array({ maxLength: 12 }).map((b) => b.filter((x) => x >= 0x20 && x !== 0x22 && x !== 0x5c));
    await fc.assert(fc.asyncProperty(fc.array(content, { minLength: 1, maxLength: 6 }), fc.integer({ min: 1, max: 64 }), async (contents, size) => {
      const lines = contents.map((c) => Buffer.concat([Buffer.from('{"s":"'), c, Buffer.from('"}')]));
      const bytes = Buffer.concat(lines.flatMap((line) => [line, Buffer.from("\n")]));
      const values = (await batchesOf(bytes, size)).flat().map((r) => (r.ok ? r.value : "ERR"));
      expect(values).toEqual(contents.map((c) => ({ s: new TextDecoder().decode(c) })));
    }), { numRuns: 300 });
  });
});
