/** Where PsExec was told to run: `\\host`, `\\h1,h2`, `\\*` (whole domain) or `@file` (list in a file). */
export type PsExecTarget =
  | { kind: "host"; host: string }
  | { kind: "all-domain-computers" }
  | { kind: "file"; path: string };

export type PsExecInvocation = {
  targets: PsExecTarget[];
  /** Options as given, lower-cased name without the dash; value when the option takes one. */
  options: Array<{ name: string; value?: string }>;
  /** The program PsExec runs (remotely when there is a target), or undefined if none was given. */
  command?: string;
  commandArgs: string[];
};

// From `psexec -?` (Sysinternals PsExec v2.x). Options with a mandatory value:
const VALUE_OPTIONS = new Set(["u", "p", "n", "r", "w", "a", "cpu"]);
const FLAG_OPTIONS = new Set([
  "accepteula", "nobanner", "s", "e", "h", "l", "x", "d", "c", "f", "v", "k",
  "low", "belownormal", "abovenormal", "high", "realtime", "background",
]);

function optionName(arg: string): string | undefined {
  if (arg.length < 2) return undefined;
  if (arg[0] === "-") return arg.slice(1).toLowerCase();
  // Sysinternals tools also accept `/opt`, but only trust it for names PsExec knows.
  if (arg[0] === "/") {
    const name = arg.slice(1).toLowerCase();
    return VALUE_OPTIONS.has(name) || FLAG_OPTIONS.has(name) || name === "i" ? name : undefined;
  }
  return undefined;
}

function parseTargets(arg: string): PsExecTarget[] | undefined {
  if (arg.startsWith("@") && arg.length > 1) return [{ kind: "file", path: arg.slice(1) }];
  if (!arg.startsWith("\\\\")) return undefined;
  const list = arg.slice(2);
  if (list === "*") return [{ kind: "all-domain-computers" }];
  return list
    .split(",")
    .map((host) => host.trim())
    .filter((host) => host.length > 0)
    .map((host) => ({ kind: "host", host }));
}

/**
 * Parses PsExec's argv (`process.args`, argv[0] = the PsExec binary itself). Options and targets
 * may appear in any order until the first plain argument, which is the command; everything after
 * it belongs to the command (so `cmd.exe -accepteula` passes `-accepteula` to cmd).
 */
export function parsePsExecArgs(args: readonly string[]): PsExecInvocation {
  const result: PsExecInvocation = { targets: [], options: [], commandArgs: [] };
  for (let i = 1; i < args.length; i++) {
    const arg = args[i];
    const targets = result.targets.length === 0 ? parseTargets(arg) : undefined;
    if (targets) {
      result.targets.push(...targets);
      continue;
    }
    const name = optionName(arg);
    if (name === undefined) {
      result.command = arg;
      result.commandArgs = args.slice(i + 1);
      break;
    }
    if (VALUE_OPTIONS.has(name) && i + 1 < args.length) {
      result.options.push({ name, value: args[++i] });
    } else if (name === "i" && i + 1 < args.length && /^\d+$/.test(args[i + 1])) {
      // `-i [session]`: the session id is optional, so only a number is taken as its value.
      result.options.push({ name, value: args[++i] });
    } else {
      result.options.push({ name });
    }
  }
  return result;
}

/** Host names/IPs named as `\\host` targets (the wildcard and file forms name no host). */
export function targetHosts(invocation: PsExecInvocation): string[] {
  return invocation.targets.flatMap((t) => (t.kind === "host" ? [t.host] : []));
}
