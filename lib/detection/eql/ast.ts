import type { Position } from "@/lib/detection/eql/syntax-error";

export type Literal = string | number | boolean | null;

export type FieldRef = { kind: "field"; path: string; optional: boolean; pos: Position };

export type MatchOperator = ":" | "like" | "like~" | "regex" | "regex~";
export type CompareOperator = "==" | "!=" | "<" | "<=" | ">" | ">=";
export type ArithmeticOperator = "+" | "-" | "*" | "/" | "%";

export type Expr =
  | FieldRef
  | { kind: "literal"; value: Literal; pos: Position }
  | { kind: "and" | "or"; left: Expr; right: Expr; pos: Position }
  | { kind: "not"; operand: Expr; pos: Position }
  | { kind: "compare"; op: CompareOperator; left: Expr; right: Expr; pos: Position }
  | { kind: "match"; op: MatchOperator; left: Expr; patterns: Expr[]; pos: Position }
  | { kind: "in"; left: Expr; list: Expr[]; insensitive: boolean; negated: boolean; pos: Position }
  | { kind: "arith"; op: ArithmeticOperator; left: Expr; right: Expr; pos: Position }
  | { kind: "negate"; operand: Expr; pos: Position }
  | { kind: "call"; name: string; insensitive: boolean; args: Expr[]; pos: Position };

/** `category` null means `any where`. */
export type EventQuery = { kind: "event"; category: string | null; condition: Expr; pos: Position };

/** `queryEnd`: offset of the closing `]`, so a stage's own query text can be cut out of the source. */
export type SequenceStage = { query: EventQuery; by: FieldRef[]; missing: boolean; runs: number; pos: Position; queryEnd: number };

export type Pipe =
  | { kind: "head" | "tail"; count: number; pos: Position }
  | { kind: "filter"; condition: Expr; pos: Position };

export type QueryBody =
  | EventQuery
  | { kind: "sequence"; by: FieldRef[]; maxspanMs: number | null; stages: SequenceStage[]; until: SequenceStage | null; pos: Position }
  | { kind: "sample"; by: FieldRef[]; stages: SequenceStage[]; pos: Position };

export type Query = { body: QueryBody; pipes: Pipe[] };
