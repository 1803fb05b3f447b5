import pg from "pg";
import { expect, test, type APIRequestContext, type Browser, type Page } from "@playwright/test";
import { signIn } from "./fixtures";
import { psexecRunsNdjson, type PsExecRun } from "./ecs-scenario";

const runId = Math.random().toString(36).slice(2, 8);
const origin = process.env.E2E_BASE_URL ?? "http://localhost:3100";
let clock = Date.UTC(2025, 3, 1, 8, 0, 0) + Math.floor(Math.random() * 100_000) * 60_000;

/** One PsExec run by `user` from `host`; every call is a new activity (new entity, new time). */
function run(user: string, host: string, target = "SRV01"): PsExecRun {
  clock += 60_000;
  return { host, user, target, commandLine: `PsExec.exe -accepteula \\\\${target} hostname`, at: new Date(clock), entity: `{bl-${runId}-${clock}}` };
}

async function upload(page: Page, runs: PsExecRun[]) {
  const response = await page.request.post("/api/uploads", {
    headers: { origin, "content-type": "application/octet-stream", "x-file-name": `baselines-${runId}.ndjson` },
    data: psexecRunsNdjson(runs),
  });
  expect(response.status()).toBe(202);
  const { id } = await response.json();
  await expect.poll(async () => (await (await page.request.get(`/api/uploads/${id}`)).json()).status, { timeout: 30_000 }).toBe("done");
}

type Summary = { id: string; status: string; priority: string; classification: string | null; firstSeen: string };
async function alertsOf(request: APIRequestContext, user: string): Promise<Summary[]> {
  const body = await (await request.get(`/api/alerts?user=${encodeURIComponent(user)}&limit=100&sort=firstSeen&order=asc`)).json();
  return body.alerts;
}

async function history(request: APIRequestContext, id: string): Promise<{ field: string; to: string | null; reason: string | null }[]> {
  return (await (await request.get(`/api/alerts/${id}/history`)).json()).history;
}

// Sign-in is rate limited per address: sign in once per role and reuse the session.
type Session = Awaited<ReturnType<import("@playwright/test").BrowserContext["storageState"]>>;
const sessions: Partial<Record<"lead" | "analyst", Session>> = {};
test.beforeAll(async ({ browser }) => {
  for (const role of ["lead", "analyst"] as const) {
    const page = await browser.newPage();
    await signIn(page, role);
    sessions[role] = await page.context().storageState();
    await page.close();
  }
});

async function as(browser: Browser, role: "lead" | "analyst"): Promise<Page> {
  const context = await browser.newContext({ storageState: sessions[role] });
  return context.newPage();
}

test.afterAll(async ({ browser }) => {
  // Leave no approval history behind: other specs expect the "outside baseline" criterion off.
  const page = await as(browser, "lead");
  for (const state of ["active", "expired"]) {
    const { baselines } = await (await page.request.get(`/api/baselines?state=${state}`)).json();
    for (const b of baselines as { id: string }[]) await page.request.post(`/api/baselines/${b.id}/revoke`, { headers: { origin }, data: { comment: "e2e cleanup" } });
  }
  await page.context().close();
});

test("a lead approves from an alert, closing all matching; new uploads are auto-handled; others become High", async ({ browser }) => {
  const deployer = `deploy-${runId}`;
  const admHost = `ADM-${runId}`;
  const page = await as(browser, "lead");
  await upload(page, [run(deployer, admHost), run(deployer, admHost), run(deployer, admHost)]);
  const before = await alertsOf(page.request, deployer);
  expect(before.map((a) => a.status)).toEqual(["open", "open", "open"]);

  await page.goto(`/alerts/${before[0].id}`);
  await page.getByRole("button", { name: "Mark as approved admin activity" }).click();
  const dialog = page.getByRole("dialog", { name: "Mark as approved admin activity" });
  await expect(dialog.getByLabel("Users")).toHaveValue(`CORP\\${deployer}`);
  await expect(dialog.getByLabel("Source hosts")).toHaveValue(admHost);
  await expect(dialog.getByLabel("Destinations")).toHaveValue("SRV01");
  await expect(dialog.getByLabel("PsExec executables")).toHaveValue("C:\\Tools\\PsExec.exe");
  await expect(dialog.getByRole("status", { name: "Scope preview" })).toHaveText("Matches 3 open and 0 past alert(s).");

  // Too broad: only an executable left → refused before saving.
  const users = await dialog.getByLabel("Users").inputValue();
  await dialog.getByLabel("Users").fill("");
  await dialog.getByLabel("Source hosts").fill("");
  await expect(dialog.getByRole("status", { name: "Scope preview" })).toContainText("name at least one user or source host");
  await expect(dialog.getByRole("button", { name: "Approve" })).toBeDisabled();
  await dialog.getByLabel("Users").fill(users);
  await dialog.getByLabel("Source hosts").fill(admHost);
  await expect(dialog.getByRole("status", { name: "Scope preview" })).toHaveText("Matches 3 open and 0 past alert(s).");

  await dialog.getByLabel("Justification").fill("Nightly software deployment from the admin jump host");
  await dialog.getByLabel("Ticket").fill("CHG-1234");
  await dialog.getByLabel("All open alerts this scope matches").check();
  await page.screenshot({ path: "test-results/screenshots/baseline-form.png", fullPage: true });
  await dialog.getByRole("button", { name: "Approve" }).click();
  await expect(page.getByRole("status").filter({ hasText: "Approved; 3 alert(s) closed as approved admin activity." })).toBeVisible();
  await expect(page.getByText("Handled by baseline entry")).toBeVisible();

  const { baselines } = await (await page.request.get("/api/baselines?state=active")).json();
  const entry = (baselines as { id: string; justification: string }[]).find((b) => b.justification.startsWith("Nightly software deployment"));
  expect(entry).toBeDefined();
  for (const alert of await alertsOf(page.request, deployer)) {
    expect(alert).toMatchObject({ status: "closed", classification: "benign_positive_approved_admin" });
    expect((await history(page.request, alert.id)).some((h) => h.reason === `approved admin activity: ${entry!.id}`)).toBe(true);
  }

  // The same activity again: closed on arrival, linked to the entry.
  await upload(page, [run(deployer, admHost)]);
  const after = await alertsOf(page.request, deployer);
  expect(after).toHaveLength(4);
  expect(after[3]).toMatchObject({ status: "closed", classification: "benign_positive_approved_admin" });
  expect((await history(page.request, after[3].id)).find((h) => h.field === "baseline")?.to).toBe(entry!.id);

  // Someone else's PsExec is outside the approved history: High, with the reason on the alert page.
  const mallory = `mallory-${runId}`;
  await upload(page, [run(mallory, `WS-${runId}`)]);
  const [outside] = await alertsOf(page.request, mallory);
  expect(outside).toMatchObject({ status: "open", priority: "high" });
  await page.goto(`/alerts/${outside.id}`);
  await expect(page.getByLabel("Why this priority")).toContainText(`user CORP\\${mallory} never approved for PsExec`);
  await page.screenshot({ path: "test-results/screenshots/baseline-outside-high.png", fullPage: true });
});

test("an analyst proposes from an alert, sees baselines read-only, and a lead approves the proposal", async ({ browser }) => {
  const analyst = await as(browser, "analyst");
  const sccm = `sccm-${runId}`;
  await upload(analyst, [run(sccm, `SCCM-${runId}`)]);
  const [alert] = await alertsOf(analyst.request, sccm);
  await analyst.goto(`/alerts/${alert.id}`);
  await expect(analyst.getByRole("button", { name: "Mark as approved admin activity" })).toHaveCount(0);
  await analyst.getByRole("button", { name: "Propose approval" }).click();
  const dialog = analyst.getByRole("dialog", { name: "Propose approval" });
  await dialog.getByLabel("Justification").fill("SCCM client push");
  await dialog.getByRole("button", { name: "Send proposal" }).click();
  await expect(analyst.getByText("Proposal sent; a lead will approve or reject it.")).toBeVisible();

  await analyst.goto("/baselines");
  await analyst.getByRole("tab", { name: /Proposed/ }).click();
  const proposed = analyst.getByRole("article").filter({ hasText: "SCCM client push" });
  await expect(proposed).toBeVisible();
  await expect(proposed.getByRole("button", { name: "Approve" })).toHaveCount(0);
  await analyst.close();

  const lead = await as(browser, "lead");
  await lead.goto("/baselines");
  await lead.getByRole("tab", { name: /Proposed/ }).click();
  const card = lead.getByRole("article").filter({ hasText: "SCCM client push" });
  await card.getByRole("button", { name: "Approve" }).click();
  const approve = lead.getByRole("dialog", { name: "Approve proposal" });
  await approve.getByLabel("Comment").fill("Known SCCM push");
  await approve.getByRole("button", { name: "Approve proposal" }).click();
  await lead.getByRole("tab", { name: /^Active/ }).click();
  const active = lead.getByRole("article").filter({ hasText: "SCCM client push" });
  await expect(active).toContainText("Review: Known SCCM push");
  await expect(active).toContainText(/Matched alerts\s*1/);
  const [closed] = await alertsOf(lead.request, sccm);
  expect(closed).toMatchObject({ status: "closed", classification: "benign_positive_approved_admin" });
  await active.getByRole("button", { name: "History and matched alerts" }).click();
  await expect(active.getByRole("table", { name: "Baseline history" })).toContainText("approved (v1)");
  await lead.screenshot({ path: "test-results/screenshots/baselines.png", fullPage: true });
  await lead.getByRole("button", { name: "Toggle dark mode" }).click();
  await lead.screenshot({ path: "test-results/screenshots/baselines-dark.png", fullPage: true });
  await lead.getByRole("button", { name: "Toggle dark mode" }).click();
  await lead.close();
});

test("an analyst creating an entry through the API gets 403", async ({ browser }) => {
  const page = await as(browser, "analyst");
  const response = await page.request.post("/api/baselines", {
    headers: { origin },
    data: {
      scope: { users: ["CORP\\someone"], sourceHosts: ["WS01"] }, justification: "mine", expiresAt: new Date(Date.now() + 7 * 86_400_000).toISOString(),
    },
  });
  expect(response.status()).toBe(403);
  expect((await response.json()).code).toBe("forbidden");
});

test("after expiry a new matching alert is open again", async ({ browser }) => {
  const patcher = `patch-${runId}`;
  const host = `PAT-${runId}`;
  const page = await as(browser, "lead");
  const created = await page.request.post("/api/baselines", {
    headers: { origin },
    data: {
      scope: { users: [`CORP\\${patcher}`], sourceHosts: [host] }, justification: "Patch Tuesday",
      expiresAt: new Date(Date.now() + 30 * 86_400_000).toISOString(),
    },
  });
  expect(created.status()).toBe(201);
  const { baseline } = await created.json();
  await upload(page, [run(patcher, host)]);
  expect((await alertsOf(page.request, patcher))[0].status).toBe("closed");

  // Time passes: the entry's expiry is moved into the past directly in the database.
  const client = new pg.Client({ connectionString: process.env.DATABASE_URL });
  await client.connect();
  await client.query(`UPDATE baseline SET "expiresAt" = now() - interval '1 minute' WHERE id = $1`, [baseline.id]);
  await client.end();

  await upload(page, [run(patcher, host)]);
  const alerts = await alertsOf(page.request, patcher);
  expect(alerts.map((a) => a.status)).toEqual(["closed", "open"]);
  await page.goto("/baselines");
  await page.getByRole("tab", { name: /Expired/ }).click();
  await expect(page.getByRole("article").filter({ hasText: "Patch Tuesday" })).toContainText("expired");
});
