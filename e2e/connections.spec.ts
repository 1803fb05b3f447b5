import { randomBytes } from "node:crypto";
import { expect, test, type Browser, type BrowserContext, type Page } from "@playwright/test";
import { startFakeElasticsearch } from "@/test/fake-elasticsearch/server";
import { signIn } from "./fixtures";
import { psexecRunsNdjson } from "./ecs-scenario";

// Against the fake Elasticsearch (test/fake-elasticsearch), there is no real cluster on these machines.
const runId = Math.random().toString(36).slice(2, 8);
const host = `ES-${runId.toUpperCase()}`;
const username = "lateral_reader";
const password = `pw-${randomBytes(9).toString("hex")}`;
const name = `Prod cluster ${runId}`;

type Fake = Awaited<ReturnType<typeof startFakeElasticsearch>>;
type Session = Awaited<ReturnType<BrowserContext["storageState"]>>;
let fake: Fake;
const sessions: Partial<Record<"admin" | "analyst", Session>> = {};

test.beforeAll(async ({ browser }) => {
  fake = await startFakeElasticsearch({ auth: { username, password } });
  // Two PsExec runs a few minutes ago: inside the first window (the 9-minute lookback).
  const runs = [4, 3].map((minutesAgo, i) => ({
    host, user: `deploy-${runId}`, target: `SRV0${i}`, commandLine: `PsExec.exe -accepteula \\\\SRV0${i} hostname`,
    at: new Date(Date.now() - minutesAgo * 60_000), entity: `{es-${runId}-${i}}`,
  }));
  const docs = psexecRunsNdjson(runs).trim().split("\n").map((line) => JSON.parse(line) as { event: { category: string[] } });
  fake.addDocuments("logs-endpoint.events.process-default", docs.filter((doc) => doc.event.category.includes("process")));
  fake.addDocuments("logs-endpoint.events.network-default", docs.filter((doc) => doc.event.category.includes("network")));
  // Sign-in is rate limited per address: once per role, then reuse the session.
  for (const role of ["admin", "analyst"] as const) {
    const page = await browser.newPage();
    await signIn(page, role);
    sessions[role] = await page.context().storageState();
    await page.close();
  }
});

test.afterAll(async () => {
  await fake?.stop();
});

async function as(browser: Browser, role: "admin" | "analyst"): Promise<Page> {
  const context = await browser.newContext({ storageState: sessions[role] });
  return context.newPage();
}

/** Full-page screenshots from the top, so the sticky header is not painted mid-page. */
async function shot(page: Page, name: string, options: { dark?: boolean } = {}) {
  await page.evaluate((dark) => {
    window.scrollTo(0, 0);
    document.documentElement.classList.toggle("dark", dark);
  }, options.dark ?? false);
  await page.screenshot({ path: `test-results/screenshots/${name}.png`, fullPage: true });
  if (options.dark) await page.evaluate(() => document.documentElement.classList.remove("dark"));
}

type Run = { status: string; eventsRead: number; alertsFound: number; error: string | null };
async function runsOf(page: Page, id: string): Promise<Run[]> {
  return (await (await page.request.get(`/api/connections/${id}`)).json()).runs;
}

test("an admin adds a connection, tests and runs it; the analyst sees its alert; a refused login marks it failing", async ({ browser }) => {
  test.setTimeout(240_000);
  const page = await as(browser, "admin");
  // Every connections API answer this test sees, to prove the secret never comes back.
  const answers: Promise<string>[] = [];
  page.on("response", (response) => {
    if (response.url().includes("/api/connections")) answers.push(response.text().catch(() => ""));
  });

  await page.goto("/admin");
  await page.getByRole("navigation", { name: "Admin sections" }).getByRole("link", { name: "Connections" }).click();
  await expect(page.getByRole("heading", { name: "Connections" })).toBeVisible();
  await page.getByRole("link", { name: "Add connection" }).click();

  const form = page.getByRole("form", { name: "Connection settings" });
  await expect(form.getByLabel("Index patterns (one per line)")).toHaveValue(/winlogbeat-\*\nlogs-endpoint\.events\.process-\*/);
  await expect(form.getByLabel("Run every (minutes)")).toHaveValue("5");
  await expect(form.getByLabel("Look back (minutes)")).toHaveValue("9");
  await expect(form.getByLabel("Verify the cluster's TLS certificate")).toBeChecked();
  await form.getByLabel("Name", { exact: true }).fill(name);
  await form.getByLabel("URLs (one per line)").fill(fake.url);
  await form.getByLabel("Authentication").selectOption("basic");
  await form.getByLabel("Username").fill(username);
  await form.getByLabel("Password", { exact: true }).fill("not-the-password");

  // A refused login is a clear test result, not a crash.
  await form.getByRole("button", { name: "Test connection" }).click();
  await expect(form.getByRole("alert").filter({ hasText: "Connection failed" })).toContainText("refused the credentials (401");
  await form.getByLabel("Password", { exact: true }).fill(password);

  // An API validation error lands next to its field, and goes once the field is edited.
  await form.getByLabel("Look back (minutes)").fill("2");
  await form.getByRole("button", { name: "Save connection" }).click();
  await expect(form.getByRole("alert").filter({ hasText: "Not saved" })).toContainText("Look back: the lookback must be at least the interval");
  await expect(form.getByLabel("Look back (minutes)")).toHaveAttribute("aria-invalid", "true");
  await form.getByLabel("Look back (minutes)").fill("9");
  await expect(form.getByText("Not saved")).toHaveCount(0);

  await form.getByRole("button", { name: "Test connection" }).click();
  const result = form.getByRole("region", { name: "Test result" });
  await expect(result).toContainText(/Connected to Elasticsearch \d+\.\d+/);
  const counts = result.getByRole("table", { name: "Indices and document counts" });
  await expect(counts.getByRole("row").filter({ hasText: "logs-endpoint.events.process-*" })).toContainText("logs-endpoint.events.process-default");
  await expect(counts.getByRole("row").filter({ hasText: "logs-endpoint.events.process-*" }).getByRole("cell").last()).toHaveText("2");
  await expect(counts.getByRole("row").filter({ hasText: "logs-endpoint.events.network-*" }).getByRole("cell").last()).toHaveText("2");
  await shot(page, "connection-form-tested");

  await form.getByRole("button", { name: "Save connection" }).click();
  await expect(page).toHaveURL(/\/admin\/connections\/[0-9a-f-]{36}$/);
  const id = page.url().split("/").pop()!;
  await expect(page.getByRole("heading", { name })).toBeVisible();

  // The scheduler may have queued the first read already; either way a read happens.
  await page.getByRole("button", { name: "Run now" }).click();
  await expect(page.getByRole("status").filter({ hasText: /being read|already queued or running/ })).toBeVisible();
  // Two reads may overlap the same events (scheduled + manual); the alerts are counted by the first only.
  await expect.poll(async () => (await runsOf(page, id)).some((run) => run.status === "succeeded" && run.eventsRead > 0 && run.alertsFound >= 1), {
    timeout: 90_000, intervals: [1_000],
  }).toBe(true);
  const history = page.getByRole("table", { name: "Run history" });
  await expect(history.getByRole("row").filter({ hasText: "succeeded" }).first()).toBeVisible();
  await expect(page.getByText("Healthy", { exact: true }).first()).toBeVisible();

  // Editing: the stored password is kept when the field stays empty, for a test as for a save.
  const settings = page.getByRole("form", { name: "Connection settings" });
  await expect(settings.getByLabel("Password", { exact: true })).toHaveValue("");
  await expect(settings.getByText("stored — leave empty to keep")).toBeVisible();
  await settings.getByRole("button", { name: "Test connection" }).click();
  await expect(settings.getByRole("region", { name: "Test result" })).toContainText("Connected to Elasticsearch");
  await shot(page, "connection-detail");

  const analyst = await as(browser, "analyst");
  await analyst.goto(`/alerts?host=${host}`);
  await expect(analyst.getByRole("table", { name: "Alerts" }).locator("tbody tr").first()).toContainText(host);
  await analyst.context().close();

  await page.goto("/admin/connections");
  const row = page.getByRole("row").filter({ hasText: name });
  await expect(row).toContainText(fake.url);
  await expect(row).toContainText("Healthy");
  await expect(row).toContainText("Pull");
  await shot(page, "connections-list");

  // The cluster now refuses the stored credentials.
  await fake.setAuth({ username, password: "rotated-elsewhere" });
  await row.getByRole("link", { name }).click();
  const before = (await runsOf(page, id)).length;
  await page.getByRole("button", { name: "Run now" }).click();
  await expect.poll(async () => {
    const runs = await runsOf(page, id);
    return runs.length > before ? runs[0].status : "waiting";
  }, { timeout: 90_000, intervals: [1_000] }).toBe("failed");
  await expect(page.getByRole("table", { name: "Run history" }).getByRole("row").filter({ hasText: "failed" }).first()).toContainText("refused the credentials");
  await expect(page.getByRole("alert", { name: "Last error" })).toContainText("refused the credentials");
  await expect(page.getByText("Failing", { exact: true }).first()).toBeVisible();
  await shot(page, "connection-failing");
  await shot(page, "connection-failing-dark", { dark: true });

  const detail = await page.request.get(`/api/connections/${id}`);
  expect(await detail.text()).not.toContain(password);
  for (const text of await Promise.all(answers)) expect(text).not.toContain(password);

  await page.goto("/admin/connections");
  await expect(row).toContainText("Failing");
  await expect(row).toContainText("refused the credentials");
  await shot(page, "connections-list-failing");

  await row.getByRole("link", { name }).click();
  await page.getByRole("button", { name: "Delete" }).click();
  const dialog = page.getByRole("dialog", { name: "Delete this connection?" });
  await dialog.getByRole("button", { name: "Delete connection" }).click();
  await expect(page).toHaveURL(/\/admin\/connections$/);
  await expect(page.getByRole("row").filter({ hasText: name })).toHaveCount(0);
  await page.context().close();
});

test("an analyst is refused the connections API and pages", async ({ browser }) => {
  const page = await as(browser, "analyst");
  const api = await page.request.get("/api/connections");
  expect(api.status()).toBe(403);
  expect(await api.json()).toMatchObject({ code: "forbidden" });
  const response = await page.goto("/admin/connections");
  expect(response?.status()).toBe(403);
  await expect(page.getByText("Your role cannot open this page")).toBeVisible();
  await page.context().close();
});
