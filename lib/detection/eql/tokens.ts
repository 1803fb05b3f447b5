import type { Position } from "@/lib/detection/eql/syntax-error";

export type TokenKind = "word" | "quoted-ident" | "string" | "number" | "punct" | "eof";

/** `word` covers identifiers and keywords; a trailing `~` (e.g. `like~`, `startsWith~`) stays part of it. */
export type Token = {
  kind: TokenKind;
  text: string;
  value: string | number;
  pos: Position;
};

export function describeToken(token: Token): string {
  switch (token.kind) {
    case "eof":
      return "end of query";
    case "string":
      return `string ${JSON.stringify(token.value)}`;
    case "quoted-ident":
      return `field \`${token.value}\``;
    default:
      return `'${token.text}'`;
  }
}
