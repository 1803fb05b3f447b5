import { expect, test } from "@playwright/test";
import { baseURL, signIn } from "./fixtures";
import { psexecRunsNdjson } from "./ecs-scenario";

const runId = Math.random().toString(36).slice(2, 8);

test("bulk close of everything matching a filter spans several pages", async ({ page }) => {
  await signIn(page, "analyst");
  const host = `BULK-${runId}`;
  const start = Date.UTC(2025, 2, 1, 8, 0, 0);
  const runs = Array.from({ length: 60 }, (_, i) => ({
    host,
    user: "deployer",
    commandLine: `PsExec.exe -accepteula \\\\app${i} hostname`,
    target: `app${i}`,
    at: new Date(start + i * 60_000),
    entity: `{bulk-${runId}-${i}}`,
  }));
  const upload = await page.request.post("/api/uploads", { headers: { origin: baseURL(), "content-type": "application/octet-stream", "x-file-name": "synthetic-bulk.ndjson" }, data: psexecRunsNdjson(runs) });
  expect(upload.status()).toBe(202);
  const { id } = await upload.json();
  await expect.poll(async () => (await (await page.request.get(`/api/uploads/${id}`)).json()).status, { timeout: 30_000 }).toBe("done");

  await page.goto(`/alerts?host=${host}&status=open`);
  await expect(page.getByText("60 alert(s) match")).toBeVisible();
  await expect(page.getByRole("table", { name: "Alerts" }).getByRole("row")).toHaveCount(51);
  await page.getByLabel("Select all loaded alerts").check();
  await expect(page.getByTestId("bulk-count")).toHaveText("50 selected");
  await page.getByRole("button", { name: "Select all 60 matching the filter" }).click();
  await expect(page.getByTestId("bulk-count")).toHaveText("60 selected");
  await page.screenshot({ path: "test-results/screenshots/queue.png", fullPage: true });
  await page.getByRole("button", { name: "Close…" }).click();
  const dialog = page.getByRole("dialog", { name: "Close selected alerts" });
  await expect(dialog).toContainText("60 alert(s) will be closed.");
  await dialog.getByLabel("Classification").selectOption("benign_positive_approved_admin");
  await dialog.getByLabel("Comment").fill("Software deployment window");
  await dialog.getByRole("button", { name: "Close alerts" }).click();
  await expect(page.getByRole("status")).toHaveText("60 alert(s) updated.");
  const closed = await (await page.request.get(`/api/alerts?host=${host}&status=closed&limit=1`)).json();
  expect(closed.counts.total).toBe(60);
  await page.screenshot({ path: "test-results/screenshots/queue-bulk-closed.png", fullPage: true });
});

test("keyboard: j/k move, a assigns to me, Enter opens, ? shows help", async ({ page }) => {
  await signIn(page, "lead");
  const host = `KEYS-${runId}`;
  const runs = [0, 1, 2].map((i) => ({ host, user: "ops", commandLine: `PsExec.exe -accepteula \\\\k${i} hostname`, target: `k${i}`, at: new Date(Date.UTC(2025, 5, 1, 8, i)), entity: `{keys-${runId}-${i}}` }));
  const upload = await page.request.post("/api/uploads", { headers: { origin: baseURL(), "content-type": "application/octet-stream", "x-file-name": "synthetic-keys.ndjson" }, data: psexecRunsNdjson(runs) });
  const { id } = await upload.json();
  await expect.poll(async () => (await (await page.request.get(`/api/uploads/${id}`)).json()).status, { timeout: 30_000 }).toBe("done");
  await page.goto(`/alerts?status=open&host=${host}`);
  const rows = page.getByRole("table", { name: "Alerts" }).locator("tbody tr");
  await expect(rows.first()).toBeVisible();
  await page.keyboard.press("j");
  await expect(rows.nth(1)).toHaveAttribute("data-focused", "true");
  await page.keyboard.press("k");
  await expect(rows.nth(0)).toHaveAttribute("data-focused", "true");
  await page.keyboard.press("a");
  await expect(rows.nth(0)).toContainText("lead@e2e.test");
  await page.keyboard.press("?");
  await expect(page.getByRole("dialog", { name: "Keyboard shortcuts" })).toBeVisible();
  await page.keyboard.press("Escape");
  await page.keyboard.press("/");
  await expect(page.getByLabel("Search command lines")).toBeFocused();
  await page.getByLabel("Search command lines").blur();
  await page.keyboard.press("Enter");
  await expect(page).toHaveURL(/\/alerts\/[0-9a-f-]{36}$/);
});

test("hostile command lines render inert and readable", async ({ page }) => {
  await signIn(page, "analyst");
  const payload = `PsExec.exe -accepteula \\\\victim <script>window.__xss=1</script><img src=x onerror="window.__xss=2"> javascript:alert(1) ${"A".repeat(10_000)}`;
  const runs = [{ host: `XSS-${runId}`, user: "<b>evil</b>", commandLine: payload, target: "victim", at: new Date(Date.UTC(2025, 3, 1)), entity: `{xss-${runId}}` }];
  const upload = await page.request.post("/api/uploads", { headers: { origin: baseURL(), "content-type": "application/octet-stream", "x-file-name": "synthetic-xss.ndjson" }, data: psexecRunsNdjson(runs) });
  const { id } = await upload.json();
  await expect.poll(async () => (await (await page.request.get(`/api/uploads/${id}`)).json()).status, { timeout: 30_000 }).toBe("done");
  const list = await (await page.request.get(`/api/alerts?host=XSS-${runId}`)).json();
  await page.goto(`/alerts/${list.alerts[0].id}`);
  await expect(page.getByText("<script>window.__xss=1</script>", { exact: false }).first()).toBeVisible();
  await page.goto(`/alerts?host=XSS-${runId}`);
  await expect(page.getByRole("table", { name: "Alerts" })).toContainText("<b>evil</b>");
  expect(await page.evaluate(() => (window as unknown as { __xss?: number }).__xss)).toBeUndefined();
  expect(await page.locator("img[src=x]").count()).toBe(0);
});

test("saved views (default view reopens) and grouping of similar alerts", async ({ page }) => {
  await signIn(page, "analyst");
  const host = `GROUP-${runId}`;
  const runs = [0, 1, 2, 3].map((i) => ({ host, user: "svc_deploy", commandLine: `PsExec.exe -accepteula \\\\\\\\same hostname`, target: "same", at: new Date(Date.UTC(2025, 6, 1, 8, i)), entity: `{group-${runId}-${i}}` }));
  const upload = await page.request.post("/api/uploads", { headers: { origin: baseURL(), "content-type": "application/octet-stream", "x-file-name": "synthetic-group.ndjson" }, data: psexecRunsNdjson(runs) });
  const { id } = await upload.json();
  await expect.poll(async () => (await (await page.request.get(`/api/uploads/${id}`)).json()).status, { timeout: 30_000 }).toBe("done");

  await page.goto(`/alerts?host=${host}`);
  await expect(page.getByText("4 alert(s) match")).toBeVisible();
  await page.getByRole("button", { name: "Save view" }).click();
  const dialog = page.getByRole("dialog", { name: "Save the current filters as a view" });
  await dialog.getByLabel("Name").fill(`Deployments ${runId}`);
  await dialog.getByLabel("Open this view by default").check();
  await dialog.getByRole("button", { name: "Save" }).click();
  await page.goto("/alerts");
  await expect(page).toHaveURL(new RegExp(`host=${host}`));
  await expect(page.getByText("4 alert(s) match")).toBeVisible();

  await page.getByLabel("Group similar alerts (host + user + destination)").check();
  const groups = page.getByRole("table", { name: "Alert groups" });
  const row = groups.getByRole("row", { name: new RegExp(host) });
  await expect(row).toContainText("svc_deploy");
  await expect(row.getByRole("cell", { name: "4", exact: true }).first()).toBeVisible();
  await row.getByRole("button", { name: new RegExp(host) }).click();
  await expect(groups.getByRole("link")).toHaveCount(4);
});

test("a lead approves a whole group as admin activity and its open alerts close", async ({ page }) => {
  await signIn(page, "lead");
  const host = `APPROVE-${runId}`;
  const runs = [0, 1, 2].map((i) => ({ host, user: "svc_patch", commandLine: `PsExec.exe -accepteula \\\\\\\\patchsrv hostname`, target: "patchsrv", at: new Date(Date.UTC(2025, 7, 1, 8, i)), entity: `{approve-${runId}-${i}}` }));
  const upload = await page.request.post("/api/uploads", { headers: { origin: baseURL(), "content-type": "application/octet-stream", "x-file-name": "synthetic-approve.ndjson" }, data: psexecRunsNdjson(runs) });
  const { id } = await upload.json();
  await expect.poll(async () => (await (await page.request.get(`/api/uploads/${id}`)).json()).status, { timeout: 30_000 }).toBe("done");

  await page.goto(`/alerts?host=${host}&group=1`);
  const row = page.getByRole("table", { name: "Alert groups" }).getByRole("row", { name: new RegExp(host) });
  await row.getByRole("button", { name: "Approve…" }).click();
  const dialog = page.getByRole("dialog", { name: "Mark this group as approved admin activity" });
  await dialog.getByLabel("Justification").fill(`Monthly patching ${runId}`);
  await dialog.getByRole("button", { name: "Approve and close matching" }).click();
  await expect(page.getByRole("status").filter({ hasText: "Approved; 3 alert(s) closed" })).toBeVisible();
  const closed = await (await page.request.get(`/api/alerts?host=${host}&status=closed&classification=benign_positive_approved_admin&limit=1`)).json();
  expect(closed.counts.total).toBe(3);

  // Leave no active entry behind: later specs assume no baseline covers their activity.
  const { baselines } = await (await page.request.get("/api/baselines?state=active")).json();
  for (const b of baselines as { id: string; justification: string }[]) {
    if (b.justification.includes(runId)) await page.request.post(`/api/baselines/${b.id}/revoke`, { headers: { origin: baseURL() }, data: { comment: "e2e cleanup" } });
  }
});

test("a lead approves a selection of alerts as admin activity", async ({ page }) => {
  await signIn(page, "lead");
  const host = `SELECT-${runId}`;
  const runs = [0, 1].map((i) => ({ host, user: "svc_backup", commandLine: `PsExec.exe -accepteula \\\\\\\\backup${i} hostname`, target: `backup${i}`, at: new Date(Date.UTC(2025, 8, 1, 8, i)), entity: `{select-${runId}-${i}}` }));
  const upload = await page.request.post("/api/uploads", { headers: { origin: baseURL(), "content-type": "application/octet-stream", "x-file-name": "synthetic-select.ndjson" }, data: psexecRunsNdjson(runs) });
  const { id } = await upload.json();
  await expect.poll(async () => (await (await page.request.get(`/api/uploads/${id}`)).json()).status, { timeout: 30_000 }).toBe("done");

  await page.goto(`/alerts?host=${host}`);
  await page.getByLabel("Select all loaded alerts").check();
  await page.getByRole("region", { name: "Bulk actions" }).getByRole("button", { name: "Approve…" }).click();
  const dialog = page.getByRole("dialog", { name: "Mark this selection as approved admin activity" });
  await expect(dialog.getByLabel("Destinations")).toHaveValue(/^(backup0\nbackup1|backup1\nbackup0)$/);
  await dialog.getByLabel("Justification").fill(`Nightly backups ${runId}`);
  await dialog.getByRole("button", { name: "Approve and close matching" }).click();
  await expect(page.getByRole("status").filter({ hasText: "Approved; 2 alert(s) closed" })).toBeVisible();

  const { baselines } = await (await page.request.get("/api/baselines?state=active")).json();
  for (const b of baselines as { id: string; justification: string }[]) {
    if (b.justification.includes(runId)) await page.request.post(`/api/baselines/${b.id}/revoke`, { headers: { origin: baseURL() }, data: { comment: "e2e cleanup" } });
  }
});
