// `npx tsx bench/baseline-writes.ts [openAlerts]`: what a baseline change costs on the server with many
// open alerts — the scope preview and the re-prioritisation of every open alert — on a throwaway database.
import { randomUUID } from "node:crypto";
import { createTestDatabase } from "@/test/create-test-database";

const count = Number(process.argv[2] ?? 5_000);
const database = await createTestDatabase();
process.env.DATABASE_URL = database.url;
process.env.BETTER_AUTH_SECRET ??= "x".repeat(40);
const { db } = await import("@/lib/server/db/client");
const { previewBaselineScope } = await import("@/lib/server/baselines/preview-baseline-scope");
const { rebaselineOpenAlerts } = await import("@/lib/server/baselines/rebaseline-open-alerts");

try {
  const start = Date.UTC(2025, 0, 1);
  const alerts = Array.from({ length: count }, (_, i) => {
    const user = `user${i % 200}`;
    const host = `WS${i % 500}`;
    const event = {
      "@timestamp": new Date(start + i * 60_000).toISOString(), host: { name: host }, user: { name: user, domain: "CORP" },
      event: { category: ["process"], type: ["start"] },
      process: { executable: "C:\\Tools\\PsExec.exe", command_line: `PsExec.exe -accepteula \\\\SRV${i % 50} hostname`, args: ["PsExec.exe", "-accepteula", `\\\\SRV${i % 50}`, "hostname"] },
    };
    return {
      dedupeKey: randomUUID(), ruleId: "bench", ruleName: "bench", severity: "low", riskScore: 21, priority: "medium" as const,
      priorityReasons: [{ code: "network_connection", priority: "medium", text: "PsExec connected to another host", eventRefs: [] }],
      sourceHost: host, userName: user, userDomain: "CORP", destinations: [`SRV${i % 50}`], joinKeys: [], events: [event], checklist: {},
      firstSeen: new Date(start + i * 60_000), lastSeen: new Date(start + i * 60_000),
    };
  });
  for (let i = 0; i < alerts.length; i += 1_000) await db.alert.createMany({ data: alerts.slice(i, i + 1_000) });
  await db.baseline.create({
    data: { status: "active", scope: { users: ["CORP\\user1"], sourceHosts: ["WS1"] }, justification: "bench", expiresAt: new Date(Date.now() + 86_400_000), approvedAt: new Date() },
  });
  const time = async (label: string, fn: () => Promise<unknown>) => {
    const t0 = performance.now();
    const result = await fn();
    console.log(`${label.padEnd(40)} open=${count} ${(performance.now() - t0).toFixed(0)}ms ${JSON.stringify(result)}`);
  };
  await time("preview (user-narrowed scope)", () => previewBaselineScope({ users: ["CORP\\user1"], sourceHosts: ["WS1"] }));
  await time("preview (host-only scope, full scan)", () => previewBaselineScope({ sourceHosts: ["WS1"], executables: ["*PsExec.exe"] }));
  await time("rebaseline all open alerts (first)", () => rebaselineOpenAlerts("bench"));
  await time("rebaseline all open alerts (no change)", () => rebaselineOpenAlerts("bench"));
} finally {
  await db.$disconnect();
  await database.drop();
}
