import { EqlSyntaxError } from "@/lib/detection/eql/syntax-error";
import { describeToken, type Token } from "@/lib/detection/eql/tokens";

/** Cursor over tokens with the `expected X, found Y` error helper shared by the parsers. */
export class TokenStream {
  private index = 0;
  constructor(private readonly tokens: Token[]) {}

  peek(ahead = 0): Token {
    return this.tokens[Math.min(this.index + ahead, this.tokens.length - 1)];
  }
  next(): Token {
    const token = this.peek();
    if (token.kind !== "eof") this.index++;
    return token;
  }
  isWord(text: string, ahead = 0): boolean {
    const t = this.peek(ahead);
    return t.kind === "word" && t.text === text;
  }
  isPunct(text: string, ahead = 0): boolean {
    const t = this.peek(ahead);
    return t.kind === "punct" && t.text === text;
  }
  acceptWord(text: string): boolean {
    if (!this.isWord(text)) return false;
    this.index++;
    return true;
  }
  acceptPunct(text: string): boolean {
    if (!this.isPunct(text)) return false;
    this.index++;
    return true;
  }
  expectWord(text: string): Token {
    if (!this.isWord(text)) this.fail(`'${text}'`);
    return this.next();
  }
  expectPunct(text: string): Token {
    if (!this.isPunct(text)) this.fail(`'${text}'`);
    return this.next();
  }
  fail(expected: string, token: Token = this.peek()): never {
    throw new EqlSyntaxError(`expected ${expected}, found ${describeToken(token)}`, token.pos.line, token.pos.column);
  }
  failAt(token: Token, message: string): never {
    throw new EqlSyntaxError(message, token.pos.line, token.pos.column);
  }
}
