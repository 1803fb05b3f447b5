import { expect, test, type Page } from "@playwright/test";
import { baseURL, signIn } from "./fixtures";
import { toWindowsXml } from "@/lib/sample/render-formats";
import { syntheticScenario } from "@/lib/sample/synthetic-scenario";

// One synthetic scenario (Low, Medium and High PsExec runs) per test run, uploaded as Windows XML.
const start = new Date(Date.UTC(2025, 0, 15, 9, 0, 0) + Math.floor(Math.random() * 1_000_000) * 60_000);
const scenarioXml = toWindowsXml(syntheticScenario({ start }));

async function uploadScenario(page: Page, fileName: string, content: string) {
  await page.goto("/uploads");
  await page.getByLabel("Log files to upload").setInputFiles({ name: fileName, mimeType: "application/xml", buffer: Buffer.from(content) });
  const row = page.getByRole("row", { name: new RegExp(fileName) });
  await expect(row.getByText("done")).toBeVisible({ timeout: 30_000 });
  return row;
}

test("upload → alert with priority and reasons → checklist → close with classification → history", async ({ page }) => {
  await signIn(page, "analyst");
  const row = await uploadScenario(page, "synthetic-e2e-scenario.xml", scenarioXml);
  await expect(row.getByRole("cell", { name: "3", exact: true })).toBeVisible();
  await row.getByRole("button", { name: "synthetic-e2e-scenario.xml" }).click();
  const report = page.getByTestId("upload-report");
  await expect(report).toContainText("Microsoft-Windows-Sysmon/Operational · 1");
  await page.screenshot({ path: "test-results/screenshots/uploads.png", fullPage: true });

  await report.getByRole("link", { name: /on WS02/ }).click();
  await expect(page.getByRole("heading", { name: /PsExec Network Connection on WS02/ })).toBeVisible();
  const why = page.getByLabel("Why this priority");
  await expect(why).toContainText("Why high");
  await expect(why).toContainText("PsExec connected to another host");
  await expect(why).toContainText(/cmd\.exe/);
  await expect(page.getByRole("button", { name: "Acknowledge" })).toBeVisible();
  await page.screenshot({ path: "test-results/screenshots/alert-page.png", fullPage: true });

  await page.getByRole("button", { name: "Acknowledge" }).click();
  await expect(page.getByText("acknowledged", { exact: true }).first()).toBeVisible();
  const step1 = page.getByLabel("Step 1: Check the source user and host");
  await step1.getByLabel("Note for step 1").fill("mallory is not an admin");
  await step1.getByRole("group", { name: "State of step 1" }).getByRole("button", { name: "Done" }).click();
  await expect(step1).toContainText("Done by analyst@e2e.test");
  const step4 = page.getByLabel("Step 4: Contact the admin to confirm the activity");
  await step4.getByRole("group", { name: "State of step 4" }).getByRole("button", { name: "Done" }).click();
  await expect(page.getByRole("alert").filter({ hasText: /how the contact ended/ })).toBeVisible();
  await step4.getByLabel("Outcome of step 4").selectOption("not_legitimate");
  await step4.getByRole("group", { name: "State of step 4" }).getByRole("button", { name: "Done" }).click();
  await expect(step4).toContainText("Not legitimate");

  await page.getByRole("button", { name: "Close…" }).click();
  const dialog = page.getByRole("dialog", { name: "Close alert" });
  await dialog.getByRole("button", { name: "Close alert" }).click();
  await expect(dialog.getByRole("alert")).toHaveText("Choose a classification.");
  await dialog.getByLabel("Classification").selectOption("true_positive_with_impact");
  await dialog.getByRole("button", { name: "Close alert" }).click();
  await expect(dialog.getByRole("alert")).toHaveText("Explain the classification in a comment.");
  await dialog.getByLabel("Comment").fill("Confirmed malicious: SYSTEM shell on SRV02");
  await dialog.getByRole("button", { name: "Close alert" }).click();

  const history = page.getByRole("table", { name: "History" });
  await expect(history).toContainText("closed");
  for (const text of ["status", "checklist.check-source", "checklist.contact-admin.outcome", "classification", "true_positive_with_impact"]) {
    await expect(history).toContainText(text);
  }
  await expect(page.getByRole("button", { name: "Reopen" })).toBeVisible();
});

test("closing through the API without a classification is refused", async ({ page }) => {
  await signIn(page, "analyst");
  const list = await (await page.request.get("/api/alerts?status=open&limit=1")).json();
  const alert = list.alerts[0];
  const response = await page.request.post(`/api/alerts/${alert.id}/actions`, { headers: { origin: baseURL() }, data: { action: "close", version: alert.version } });
  expect(response.status()).toBe(422);
  expect((await response.json()).code).toBe("validation_failed");
});

test("a second browser editing the same alert gets a conflict, not a lost update", async ({ browser }) => {
  const first = await browser.newPage();
  const second = await browser.newPage();
  await signIn(first, "analyst");
  await signIn(second, "lead");
  const list = await (await first.request.get("/api/alerts?status=open&limit=1")).json();
  const id = list.alerts[0].id;
  await first.goto(`/alerts/${id}`);
  await second.goto(`/alerts/${id}`);
  await expect(second.getByRole("button", { name: /Escalate/ })).toBeVisible();
  await first.getByRole("button", { name: /Escalate/ }).click();
  await expect(first.getByText("Escalated — attack suspected")).toBeVisible();
  await second.getByRole("button", { name: "Assign to me" }).click();
  await expect(second.getByRole("alert").filter({ hasText: "Someone else changed this alert" })).toBeVisible();
  await expect(second.getByText("Escalated — attack suspected")).toBeVisible();
});

test("a manager sees alerts read-only and the API refuses changes", async ({ page }) => {
  await signIn(page, "manager");
  const list = await (await page.request.get("/api/alerts?limit=1")).json();
  const alert = list.alerts[0];
  await page.goto(`/alerts/${alert.id}`);
  await expect(page.getByText("Read-only for your role")).toBeVisible();
  await expect(page.getByRole("button", { name: "Close…" })).toHaveCount(0);
  const response = await page.request.post(`/api/alerts/${alert.id}/actions`, { headers: { origin: baseURL() }, data: { action: "acknowledge", version: alert.version } });
  expect(response.status()).toBe(403);
});
