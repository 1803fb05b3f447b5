import { existsSync, readFileSync } from "node:fs";
import { fileURLToPath } from "node:url";
import { describe, expect, it } from "vitest";
import { getField } from "@/lib/ecs/event";
import { nxlogToEcs, NxlogClock } from "@/lib/ingest/json/from-nxlog";
import { computePriority } from "@/lib/triage/priority";
import { findStageOneOnly } from "@/lib/triage/stage-one-only";
import { alertFactsFromEvents } from "@/lib/triage/alert-facts";
import { DEFAULT_STAGE_WINDOW_MS } from "@/lib/triage/priority-config";
import { matchBaseline } from "@/lib/triage/baseline";
import { compileBaseline } from "@/lib/triage/baseline-compile";
import { findBaselineGaps } from "@/lib/triage/baseline-coverage";
import { baselineEntrySchema } from "@/lib/triage/baseline-schema";

// Real OTRF run (MIT): `PsExec.exe -accepteula -s reg save HKLM\security\policy\secrets …` on
// WORKSTATION5, no \\host, so PSEXESVC starts locally and spawns reg.exe; PsExec.exe itself has
// no network event (shared/data/otrf-cmd-psexec-lsa-secrets/ground_truth.json).
const file = fileURLToPath(
  new URL("../../../shared/data/otrf-cmd-psexec-lsa-secrets/cmd_psexec_lsa_secrets_dump_2020-10-1903305471.json", import.meta.url),
);
const PSEXEC_GUID = "{39e4a257-40a6-5f8d-a005-000000000700}";

describe.skipIf(!existsSync(file))("triage of the real OTRF PsExec run", () => {
  const clock = new NxlogClock();
  const events = readFileSync(file, "utf8").split("\n").filter(Boolean).map((line) => nxlogToEcs(JSON.parse(line), clock));
  const isPsExecStart = (e: object) =>
    getField(e, "process.entity_id") === PSEXEC_GUID && String(getField(e, "event.code")) === "1";
  const stage1 = events.filter(isPsExecStart);
  const network = events.filter((e) => [getField(e, "event.category")].flat().includes("network"));

  it("the PsExec start without a network event becomes a Low stage-1-only alert at end of input", () => {
    expect(stage1).toHaveLength(1);
    const result = findStageOneOnly({ stage1Events: stage1, networkEvents: network, windowMs: DEFAULT_STAGE_WINDOW_MS, now: 0, endOfInput: true });
    expect(result.low).toEqual(stage1);
  });

  it("is High: PsExec was told to run reg, and PSEXESVC spawned reg.exe on the (local) destination", () => {
    const related = events.filter((e) => !isPsExecStart(e));
    const result = computePriority({ events: stage1, related });
    expect(result.priority).toBe("high");
    expect(result.reasons.map((r) => [r.code, r.text])).toEqual([
      ["stage_one_only", "PsExec started with -accepteula; no network connection seen"],
      ["sensitive_remote_command", "PsExec was told to run reg"],
      ["sensitive_service_child", "PSEXESVC spawned reg.exe on the destination"],
    ]);
  });

  it("extracts the alert facts", () => {
    expect(alertFactsFromEvents(stage1)).toMatchObject({
      user: { name: "wardog", domain: "WORKSTATION5" },
      executable: "C:\\Users\\wardog\\Downloads\\PSTools\\PsExec.exe",
      destinations: [],
      timestamp: Date.parse("2020-10-19T07:30:46.251Z"),
    });
    expect(alertFactsFromEvents(stage1).hashes).toContain("3337e3875b05e0bfba69ab926532e3f179e8cfbf162ebb60ce58a0281437a7ef");
  });

  // Values below are copied from the raw Sysmon record (User, Hostname, Hashes), not from our output.
  const now = Date.parse("2020-10-20T00:00:00Z");
  const entry = (id: string, scope: object) =>
    baselineEntrySchema.parse({ id, scope, approvedAt: "2020-10-01", expiresAt: null, revokedAt: null });

  it("matches an approval by user, host and SHA-256", () => {
    const approved = entry("ok", {
      users: ["workstation5\\WARDOG"],
      sourceHosts: ["workstation5.lab.local"],
      hashes: ["3337E3875B05E0BFBA69AB926532E3F179E8CFBF162EBB60CE58A0281437A7EF"],
    });
    const otherHash = entry("bad", { users: ["wardog"], hashes: ["27304B246C7D5B4E149124D5F93C5B02"] });
    expect(matchBaseline(alertFactsFromEvents(stage1), [approved, otherHash], now).map((e) => e.id)).toEqual(["ok"]);
  });

  it("reports the user as outside a baseline that only knows another admin", () => {
    const baseline = compileBaseline([entry("alice", { users: ["WORKSTATION5\\alice"], sourceHosts: ["WORKSTATION5"] })]);
    const coverage = findBaselineGaps(alertFactsFromEvents(stage1), baseline, now);
    expect(coverage.gaps.map((g) => g.text)).toEqual(["user WORKSTATION5\\wardog never approved for PsExec"]);
    const result = computePriority({ events: stage1, baseline: coverage });
    expect(result.reasons.map((r) => r.code)).toContain("outside_baseline");
  });
});
