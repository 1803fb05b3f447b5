import type { Literal } from "@/lib/detection/eql/ast";

/** Like a `term` query on a field mapped from the value's JSON type: "445" matches 445 and vice versa. */
export function termEquals(value: unknown, literal: Literal): boolean {
  if (typeof value === typeof literal) return value === literal;
  if (typeof literal === "number" && typeof value === "string") return value.trim() !== "" && Number(value) === literal;
  if (typeof literal === "string" && typeof value === "number") return literal.trim() !== "" && Number(literal) === value;
  if (typeof value === "boolean" && typeof literal === "string") return String(value) === literal;
  if (typeof literal === "boolean" && typeof value === "string") return value === String(literal);
  return false;
}

/** Range semantics: numbers numerically, strings by code units (keyword order), mixed via Number(). */
export function compareValues(value: unknown, literal: unknown): number | null {
  if (typeof value === "number" && typeof literal === "number") return value - literal;
  if (typeof value === "string" && typeof literal === "string") return value < literal ? -1 : value > literal ? 1 : 0;
  const a = typeof value === "string" || typeof value === "number" ? Number(value) : Number.NaN;
  const b = typeof literal === "string" || typeof literal === "number" ? Number(literal) : Number.NaN;
  if (Number.isNaN(a) || Number.isNaN(b)) return null;
  return a - b;
}

/** Scalars that a keyword field would index as text; objects never match string predicates. */
export function asText(value: unknown): string | null {
  if (typeof value === "string") return value;
  if (typeof value === "number" || typeof value === "boolean") return String(value);
  return null;
}

/** Case-insensitive whole-value equality against an already lower-cased literal. */
export function equalsIgnoreCase(value: string, lowerLiteral: string): boolean {
  if (value.length !== lowerLiteral.length && isAscii(value)) return false;
  return value.toLowerCase() === lowerLiteral;
}

function isAscii(s: string): boolean {
  for (let i = 0; i < s.length; i++) if (s.charCodeAt(i) > 127) return false;
  return true;
}
