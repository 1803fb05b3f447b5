import type { Pipe } from "@/lib/detection/eql/ast";
import type { Predicate } from "@/lib/detection/eql/compile-expression";
import type { Accessor } from "@/lib/detection/eql/field-accessor";

export type CompiledKey = { path: string; get: Accessor; optional: boolean };

/** One sequence stage after `runs=N` expansion; keys = sequence-level `by` then stage-level `by`. */
export type CompiledStage = { matches: Predicate; keys: CompiledKey[] };

export type CompiledQuery =
  | { kind: "event"; matches: Predicate; pipes: Pipe[] }
  | { kind: "sequence"; stages: CompiledStage[]; until: CompiledStage | null; maxspanMs: number | null; pipes: Pipe[] };
