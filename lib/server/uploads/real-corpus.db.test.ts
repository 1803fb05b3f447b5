import { existsSync, readdirSync, readFileSync } from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { db } from "@/lib/server/db/client";
import { createUploadFromBytes } from "@/lib/server/uploads/receive-upload";
import { processUpload } from "@/lib/server/uploads/process-upload";

const DATA = path.resolve(import.meta.dirname, "../../../../shared/data");
type Truth = { expected_alerts_total: number; per_file?: { events: number }[] };

/** Real public logs (shared/data): each must ingest completely and raise no alert of the seed rule. */
const cases = existsSync(DATA)
  ? readdirSync(DATA).flatMap((folder) => {
      const dir = path.join(DATA, folder);
      if (!existsSync(path.join(dir, "ground_truth.json"))) return [];
      const truth = JSON.parse(readFileSync(path.join(dir, "ground_truth.json"), "utf8")) as Truth;
      const events = truth.per_file?.[0]?.events;
      const files = readdirSync(dir).filter((f) => /\.(evtx|zip)$/.test(f) || (/\.json$/.test(f) && f !== "ground_truth.json"));
      return events === undefined ? [] : files.map((file) => ({ folder, file: path.join(dir, file), events, alerts: truth.expected_alerts_total }));
    })
  : [];

describe.skipIf(cases.length === 0)("real corpus (shared/data)", () => {
  it.each(cases)("$folder/$file: every record parsed, no seed-rule alert", async ({ file, events, alerts }) => {
    const upload = await createUploadFromBytes(path.basename(file), readFileSync(file), null);
    if (upload.duplicateOf) return; // same bytes already covered by an earlier run of this test file
    await processUpload(upload.id);
    const done = await db.upload.findUniqueOrThrow({ where: { id: upload.id } });
    expect({ status: done.status, parsed: done.eventsParsed, rejected: done.rejected }).toEqual({ status: "done", parsed: events, rejected: 0 });
    const raised = await db.alert.findMany({ where: { uploadId: upload.id } });
    // Stage-1-only alerts are the playbook's Low tier (PsExec -accepteula without a connection), not
    // matches of the EQL sequence; the rule itself must give exactly the ground truth.
    const sequenceAlerts = raised.filter((a) => !(a.priorityReasons as { code: string }[]).some((r) => r.code === "stage_one_only"));
    expect(sequenceAlerts).toHaveLength(alerts);
  });
});
