/** A load-time EQL error with a 1-based source position, rendered as `line:column: message`. */
export class EqlSyntaxError extends Error {
  constructor(
    readonly detail: string,
    readonly line: number,
    readonly column: number,
  ) {
    super(`${line}:${column}: ${detail}`);
    this.name = "EqlSyntaxError";
  }
}

export type Position = { offset: number; line: number; column: number };
