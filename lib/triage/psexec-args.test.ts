import { describe, expect, it } from "vitest";
import { parsePsExecArgs, targetHosts, type PsExecInvocation } from "@/lib/triage/psexec-args";

type Row = [label: string, args: string[], expected: Partial<PsExecInvocation>];

// Expected values follow PsExec's documented usage:
// psexec [\\computer[,computer2[,...]] | @file] [-u user [-p psswd]] [-n s] [-r servicename] [-h] [-l]
//        [-s|-e] [-x] [-i [session]] [-c executable [-f|-v]] [-w directory] [-d] [-<priority>] [-a n,n,...] cmd [arguments]
const rows: Row[] = [
  [
    "mission example",
    ["PsExec.exe", "\\\\targethost", "-u", "domain\\admin", "-p", "Password123", "cmd.exe"],
    {
      targets: [{ kind: "host", host: "targethost" }],
      options: [{ name: "u", value: "domain\\admin" }, { name: "p", value: "Password123" }],
      command: "cmd.exe",
      commandArgs: [],
    },
  ],
  [
    "validation example: -accepteula after the command belongs to the command",
    ["PsExec.exe", "\\\\targethost", "cmd.exe", "-accepteula"],
    { targets: [{ kind: "host", host: "targethost" }], options: [], command: "cmd.exe", commandArgs: ["-accepteula"] },
  ],
  [
    "options before the target, -s flag, command args",
    ["C:\\Tools\\PsExec.exe", "-accepteula", "\\\\10.0.0.5", "-s", "cmd.exe", "/c", "whoami"],
    {
      targets: [{ kind: "host", host: "10.0.0.5" }],
      options: [{ name: "accepteula" }, { name: "s" }],
      command: "cmd.exe",
      commandArgs: ["/c", "whoami"],
    },
  ],
  [
    "-i with a session number, -w takes a directory, -d and -h are flags",
    ["psexec", "\\\\srv1,srv2", "-i", "2", "-w", "C:\\temp", "-d", "-h", "-nobanner", "powershell", "-enc", "AAA"],
    {
      targets: [{ kind: "host", host: "srv1" }, { kind: "host", host: "srv2" }],
      options: [{ name: "i", value: "2" }, { name: "w", value: "C:\\temp" }, { name: "d" }, { name: "h" }, { name: "nobanner" }],
      command: "powershell",
      commandArgs: ["-enc", "AAA"],
    },
  ],
  [
    "-i without a session number does not eat the command",
    ["PsExec64.exe", "-i", "-s", "cmd"],
    { targets: [], options: [{ name: "i" }, { name: "s" }], command: "cmd", commandArgs: [] },
  ],
  [
    "-c -f copy, -r service name, @file targets",
    ["psexec.exe", "@hosts.txt", "-r", "svc1", "-c", "-f", "tool.exe", "x"],
    {
      targets: [{ kind: "file", path: "hosts.txt" }],
      options: [{ name: "r", value: "svc1" }, { name: "c" }, { name: "f" }],
      command: "tool.exe",
      commandArgs: ["x"],
    },
  ],
  [
    "\\\\* means every computer in the domain; -n timeout and priority flag",
    ["psexec.exe", "\\\\*", "-n", "5", "-low", "-accepteula", "ipconfig"],
    {
      targets: [{ kind: "all-domain-computers" }],
      options: [{ name: "n", value: "5" }, { name: "low" }, { name: "accepteula" }],
      command: "ipconfig",
      commandArgs: [],
    },
  ],
  [
    "a second \\\\host after the target is the command (only one target list)",
    ["psexec.exe", "\\\\a", "\\\\b\\share\\x.exe"],
    { targets: [{ kind: "host", host: "a" }], command: "\\\\b\\share\\x.exe", commandArgs: [] },
  ],
  [
    "no command at all",
    ["PsExec.exe", "-accepteula", "-s"],
    { targets: [], options: [{ name: "accepteula" }, { name: "s" }], command: undefined, commandArgs: [] },
  ],
  [
    "slash option known to PsExec",
    ["psexec.exe", "/accepteula", "\\\\h", "/s", "cmd"],
    { targets: [{ kind: "host", host: "h" }], options: [{ name: "accepteula" }, { name: "s" }], command: "cmd" },
  ],
];

describe("parsePsExecArgs", () => {
  it.each(rows)("%s", (_label, args, expected) => {
    const { command, ...rest } = expected;
    const parsed = parsePsExecArgs(args);
    expect(parsed).toMatchObject(rest);
    if ("command" in expected) expect(parsed.command).toBe(command);
  });

  it("targetHosts lists only named hosts", () => {
    expect(targetHosts(parsePsExecArgs(["p", "\\\\a,b", "cmd"]))).toEqual(["a", "b"]);
    expect(targetHosts(parsePsExecArgs(["p", "\\\\*", "cmd"]))).toEqual([]);
  });
});
