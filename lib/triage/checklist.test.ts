import { describe, expect, it } from "vitest";
import { applyChecklistUpdate, initialChecklistState, type ChecklistState, type ChecklistUpdate } from "@/lib/triage/checklist";
import { CHECKLIST_STEPS } from "@/lib/triage/checklist-steps";
import type { HistoryChange } from "@/lib/triage/workflow-schema";

const NOW = new Date("2026-03-02T10:00:00Z");

describe("CHECKLIST_STEPS", () => {
  it("holds the playbook's five steps and step 5's four sub-steps", () => {
    expect(CHECKLIST_STEPS.filter((s) => !s.parent).map((s) => s.number)).toEqual(["1", "2", "3", "4", "5"]);
    expect(CHECKLIST_STEPS.filter((s) => s.parent === "attack-suspected").map((s) => s.id)).toEqual([
      "isolate-host", "collect-logs", "check-lateral-movement", "reset-credentials",
    ]);
    expect(CHECKLIST_STEPS.filter((s) => s.hasOutcome).map((s) => s.id)).toEqual(["contact-admin"]);
  });
});

const fresh = initialChecklistState();
const withSubsteps = (status: "done" | "not_applicable" | "todo"): ChecklistState => {
  const state = initialChecklistState();
  for (const id of ["isolate-host", "collect-logs", "check-lateral-movement"] as const) state[id] = { ...state[id], status: "done" };
  state["reset-credentials"] = { ...state["reset-credentials"], status };
  return state;
};

type Row = [label: string, state: ChecklistState, update: ChecklistUpdate, expected: HistoryChange[] | string];
const rows: Row[] = [
  ["mark step 1 done", fresh, { stepId: "check-source", status: "done" }, [{ field: "checklist.check-source", from: "todo", to: "done" }]],
  [
    "done with a note",
    fresh,
    { stepId: "verify-destination", status: "done", note: "srv01 is a file server" },
    [
      { field: "checklist.verify-destination", from: "todo", to: "done", reason: "srv01 is a file server" },
      { field: "checklist.verify-destination.note", from: null, to: "srv01 is a file server" },
    ],
  ],
  ["unknown step", fresh, { stepId: "call-police", status: "done" }, "unknown_step"],
  ["contact needs an outcome when done", fresh, { stepId: "contact-admin", status: "done" }, "outcome_required"],
  [
    "contact with outcome",
    fresh,
    { stepId: "contact-admin", status: "done", outcome: "no_answer" },
    [
      { field: "checklist.contact-admin", from: "todo", to: "done" },
      { field: "checklist.contact-admin.outcome", from: null, to: "no_answer" },
    ],
  ],
  ["outcome on another step", fresh, { stepId: "check-source", status: "done", outcome: "not_legitimate" }, "outcome_not_allowed"],
  ["step 5 done with a sub-step open", withSubsteps("todo"), { stepId: "attack-suspected", status: "done" }, "substeps_pending"],
  ["step 5 done once sub-steps are done or skipped", withSubsteps("not_applicable"), { stepId: "attack-suspected", status: "done" }, [{ field: "checklist.attack-suspected", from: "todo", to: "done" }]],
  ["step 5 not applicable needs no sub-steps", fresh, { stepId: "attack-suspected", status: "not_applicable" }, [{ field: "checklist.attack-suspected", from: "todo", to: "not_applicable" }]],
  ["sub-step done", fresh, { stepId: "isolate-host", status: "done" }, [{ field: "checklist.isolate-host", from: "todo", to: "done" }]],
  ["no change, no row", fresh, { stepId: "check-source", status: "todo" }, []],
];

describe("applyChecklistUpdate", () => {
  it.each(rows)("%s", (_label, state, update, expected) => {
    const result = applyChecklistUpdate(state, update, "ana", NOW);
    if (typeof expected === "string") expect(result).toMatchObject({ ok: false, code: expected });
    else expect(result).toMatchObject({ ok: true, changes: expected });
  });

  it("records who and when, and reopening a contact clears its outcome", () => {
    const done = applyChecklistUpdate(fresh, { stepId: "contact-admin", status: "done", outcome: "confirmed_legitimate" }, "ana", NOW);
    expect(done.ok && done.state["contact-admin"]).toEqual({ status: "done", by: "ana", at: "2026-03-02T10:00:00.000Z", note: null, outcome: "confirmed_legitimate" });
    expect(fresh["contact-admin"].status).toBe("todo");
    const undone = done.ok ? applyChecklistUpdate(done.state, { stepId: "contact-admin", status: "todo" }, "bo", NOW) : done;
    expect(undone).toMatchObject({
      ok: true,
      changes: [
        { field: "checklist.contact-admin", from: "done", to: "todo" },
        { field: "checklist.contact-admin.outcome", from: "confirmed_legitimate", to: null },
      ],
    });
    expect(undone.ok && undone.state["contact-admin"].by).toBe("bo");
  });
});
