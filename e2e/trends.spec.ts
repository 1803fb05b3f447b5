import { expect, test, type Page } from "@playwright/test";
import pg from "pg";
import { credentials, signIn } from "./fixtures";
import { KNOWN_RANGE, seedKnownHistory } from "@/lib/server/trends/test-support/known-history";

// The known history of the DB tests (Europe/Berlin, around the 2025-03-30 DST switch): A is the analyst,
// B the lead. The expected figures are worked out by hand in lib/server/trends/get-trends-report.db.test.ts.
const REPORT = `/trends?${new URLSearchParams({ ...KNOWN_RANGE, bucket: "day" })}`;

test.beforeAll(async () => {
  const client = new pg.Client({ connectionString: process.env.DATABASE_URL });
  await client.connect();
  try {
    const { rows } = await client.query<{ id: string; email: string }>(`SELECT id, email FROM "user" WHERE email = ANY($1)`, [[credentials("analyst").email, credentials("lead").email]]);
    const id = (email: string) => rows.find((row) => row.email === email)!.id;
    // Fixed tag: a retried worker runs beforeAll again, and the history must be seeded once.
    const seeded = await client.query(`SELECT 1 FROM alert WHERE "dedupeKey" = 'trends-e2e-a1'`);
    if (seeded.rowCount === 0) await seedKnownHistory(client, { A: id(credentials("analyst").email), B: id(credentials("lead").email) }, "e2e");
  } finally {
    await client.end();
  }
});

const tile = (page: Page, name: string) => page.getByRole("group", { name, exact: true });

test("a manager sees the team's figures, compared with the previous period", async ({ page }) => {
  await signIn(page, "manager", REPORT);
  await page.goto(REPORT);
  await expect(tile(page, "Alerts").getByTestId("kpi-value")).toHaveText("5");
  await expect(tile(page, "Alerts")).toContainText("vs 1 before");
  await expect(tile(page, "High priority").getByTestId("kpi-value")).toHaveText("2");
  await expect(tile(page, "Median time to acknowledge").getByTestId("kpi-value")).toHaveText("15m");
  await expect(tile(page, "Median time to close").getByTestId("kpi-value")).toHaveText("1h 30m");
  await expect(tile(page, "False-positive rate").getByTestId("kpi-value")).toHaveText("33.3%");
  await expect(tile(page, "Handled by baselines").getByTestId("kpi-value")).toHaveText("20%");
  await expect(page.getByText("These are your own figures")).toHaveCount(0);

  const volume = page.getByRole("table", { name: "Alerts by priority" });
  await page.getByRole("region", { name: "Alerts by priority" }).getByText("Data table").click();
  await expect(volume.getByRole("row")).toHaveText([/Day\s*High\s*Medium\s*Low\s*Total/, /2025-03-29\s*0\s*2\s*0\s*2/, /2025-03-30\s*1\s*0\s*0\s*1/, /2025-03-31\s*1\s*0\s*1\s*2/]);
  const sla = page.getByRole("table", { name: "SLA by priority" });
  await expect(sla.getByRole("row").filter({ hasText: "High" })).toContainText("100%(2/2)");
  await expect(page.getByRole("list", { name: "Top source hosts" }).getByRole("link", { name: /WS1\s*2/ })).toHaveAttribute("href", "/alerts?host=WS1");
  await expect(page.getByRole("link", { name: "Download Alerts by priority as CSV" })).toHaveAttribute("href", /section=volume/);
  const csv = await page.request.get(`/api/trends/export.csv?${new URLSearchParams({ ...KNOWN_RANGE, section: "volume" })}`);
  expect(await csv.text()).toBe("bucket,low,medium,high,total\r\n2025-03-29,0,2,0,2\r\n2025-03-30,0,0,1,1\r\n2025-03-31,1,0,1,2\r\n");

  await page.screenshot({ path: "test-results/screenshots/trends-manager.png", fullPage: true });
  await page.evaluate(() => document.documentElement.classList.add("dark"));
  await page.screenshot({ path: "test-results/screenshots/trends-manager-dark.png", fullPage: true });
  await page.emulateMedia({ media: "print" });
  await page.evaluate(() => document.documentElement.classList.remove("dark"));
  await page.screenshot({ path: "test-results/screenshots/trends-print.png", fullPage: true });
});

test("an analyst sees only their own figures, and the API holds the line too", async ({ page }) => {
  await signIn(page, "analyst", REPORT);
  await page.goto(REPORT);
  await expect(page.getByText("These are your own figures")).toBeVisible();
  await expect(tile(page, "Alerts").getByTestId("kpi-value")).toHaveText("2");
  await expect(tile(page, "Median time to acknowledge").getByTestId("kpi-value")).toHaveText("33m");
  const report = await (await page.request.get(`/api/trends?${new URLSearchParams(KNOWN_RANGE)}`)).json();
  expect(report.scope).toBe("own");
  expect(report.volume.map((row: { total: number }) => row.total)).toEqual([1, 1, 0]);
  await page.screenshot({ path: "test-results/screenshots/trends-analyst.png", fullPage: true });
});
