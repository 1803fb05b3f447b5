// Port of the "Implements Windows-like SplitCommandLine" Painless script in the Sysmon ingest
// pipelines (itself Go's pre-2008 CommandLineToArgv rules), kept step-for-step so edge cases agree.
function readNextArg(cmd: string): { arg: string; rest: string } {
  let b = "";
  let inQuote = false;
  let nSlash = 0;
  for (let i = 0; i < cmd.length; i++) {
    const c = cmd[i];
    if (c === " " || c === "\t") {
      if (!inQuote) return { arg: b + "\\".repeat(nSlash), rest: cmd.slice(i + 1) };
    } else if (c === '"') {
      b += "\\".repeat(nSlash >> 1);
      if (nSlash % 2 === 0) {
        if (inQuote && i + 1 < cmd.length && cmd[i + 1] === '"') {
          b += c;
          i++;
        }
        inQuote = !inQuote;
      } else {
        b += c;
      }
      nSlash = 0;
      continue;
    } else if (c === "\\") {
      nSlash++;
      continue;
    }
    b += "\\".repeat(nSlash);
    nSlash = 0;
    b += c;
  }
  return { arg: b + "\\".repeat(nSlash), rest: "" };
}

/** `process.args` as the Sysmon pipeline computes it (argv[0] included). */
export function splitCommandLine(cmd: string): string[] {
  const args: string[] = [];
  let rest = cmd;
  while (rest.length > 0) {
    if (rest[0] === " " || rest[0] === "\t") { rest = rest.slice(1); continue; }
    const next = readNextArg(rest);
    rest = next.rest;
    args.push(next.arg);
  }
  return args;
}

/** Java's Character.isWhitespace: Unicode spaces except no-break ones, plus U+0009–000D and U+001C–001F. */
function isJavaWhitespace(c: number): boolean {
  return (c >= 0x09 && c <= 0x0d) || (c >= 0x1c && c <= 0x20) || c === 0x1680 || (c >= 0x2000 && c <= 0x2006) ||
    (c >= 0x2008 && c <= 0x200a) || c === 0x2028 || c === 0x2029 || c === 0x205f || c === 0x3000;
}

/**
 * `process.args` as the Security pipeline's "Process Event 4688" script computes it: split on
 * whitespace outside double quotes, quotes kept, runs of spaces giving empty strings.
 */
export function splitSecurityCommandLine(cmd: string): string[] {
  const out: string[] = [];
  let start = 0;
  let inQuote = false;
  for (let i = 0; i < cmd.length; i++) {
    const end = i;
    if (cmd[i] === '"') inQuote = !inQuote;
    if (isJavaWhitespace(cmd.charCodeAt(i)) && !inQuote) {
      out.push(cmd.slice(start, end));
      start = i + 1;
    }
    if (i === cmd.length - 1) out.push(cmd.slice(start, end + 1));
  }
  return out;
}
