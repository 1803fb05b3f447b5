import { dateMs, looksLikeDate } from "@/test/fake-elasticsearch/dates";

export type FieldType = "date" | "long" | "float" | "boolean" | "keyword" | "object";

/**
 * Per-index dynamic mapping, as Elasticsearch builds it from the first value of each field
 * (`@timestamp` is a date from the start, as the Beats/Agent index templates map it). A document
 * whose value does not fit the mapping is rejected at index time, as a real cluster rejects it.
 */
export class DynamicMapping {
  private readonly fields = new Map<string, FieldType>([["@timestamp", "date"]]);

  /** Maps the document's new fields; returns the rejection reason instead when a value does not fit. */
  apply(source: Record<string, unknown>, id: string): string | null {
    const seen = new Map<string, FieldType>();
    const problem = this.walk(source, "", id, seen);
    if (problem) return problem;
    for (const [path, type] of seen) if (!this.fields.has(path)) this.fields.set(path, type);
    return null;
  }

  /** Leaf fields (not objects), i.e. what EQL's verifier can resolve. */
  leafFields(): string[] {
    return [...this.fields].filter(([, type]) => type !== "object").map(([path]) => path);
  }

  private walk(node: Record<string, unknown>, prefix: string, id: string, seen: Map<string, FieldType>): string | null {
    for (const [key, value] of Object.entries(node)) {
      const parts = key.split(".");
      let path = prefix;
      for (const part of parts.slice(0, -1)) {
        path = path ? `${path}.${part}` : part;
        const problem = this.fit(path, "object", {}, id, seen);
        if (problem) return problem;
      }
      path = path ? `${path}.${parts.at(-1)}` : (parts.at(-1) as string);
      for (const item of Array.isArray(value) ? value.flat(Infinity) : [value]) {
        if (item === null || item === undefined) continue;
        const problem = this.fit(path, typeOf(item), item, id, seen);
        if (problem) return problem;
        if (typeOf(item) === "object") {
          const nested = this.walk(item as Record<string, unknown>, path, id, seen);
          if (nested) return nested;
        }
      }
    }
    return null;
  }

  private fit(path: string, detected: FieldType, value: unknown, id: string, seen: Map<string, FieldType>): string | null {
    const mapped = this.fields.get(path) ?? seen.get(path);
    if (!mapped) {
      seen.set(path, detected);
      return null;
    }
    if (accepts(mapped, value)) return null;
    if (mapped === "object") return `object mapping for [${path}] tried to parse field [${path}] as object, but found a concrete value`;
    const preview = typeof value === "object" ? JSON.stringify(value).replace(/"/g, "").replace(/:/g, "=") : String(value);
    return `failed to parse field [${path}] of type [${mapped}] in document with id '${id}'. Preview of field's value: '${preview}'`;
  }
}

function typeOf(value: unknown): FieldType {
  if (typeof value === "number") return Number.isInteger(value) ? "long" : "float";
  if (typeof value === "boolean") return "boolean";
  if (typeof value === "object" && value !== null) return "object";
  return looksLikeDate(value) ? "date" : "keyword";
}

/** Elasticsearch coerces by default: numeric strings into numbers, numbers into keywords. */
function accepts(mapped: FieldType, value: unknown): boolean {
  if (typeof value === "object" && value !== null) return mapped === "object";
  switch (mapped) {
    case "object":
      return false;
    case "date":
      return dateMs(value) !== null;
    case "long":
    case "float":
      return typeof value === "number" || (typeof value === "string" && value.trim() !== "" && !Number.isNaN(Number(value)));
    case "boolean":
      return typeof value === "boolean" || value === "true" || value === "false" || value === "";
    case "keyword":
      return true;
  }
}
