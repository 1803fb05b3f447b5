import { expect, test } from "@playwright/test";
import { credentials, signIn } from "./fixtures";

test("a wrong password shows an error and no session", async ({ page }) => {
  await page.goto("/sign-in");
  await page.getByLabel("Email").fill(credentials("analyst").email);
  await page.getByLabel("Password").fill("definitely-not-the-password");
  await page.getByRole("button", { name: "Sign in" }).click();
  await expect(page.getByRole("alert").filter({ hasText: /wrong email or password/i })).toBeVisible();
  await page.goto("/alerts");
  await expect(page).toHaveURL(/\/sign-in\?next=%2Falerts/);
});

test("pages redirect to sign-in and APIs answer 401 without a session", async ({ page, request }) => {
  await page.goto("/admin");
  await expect(page).toHaveURL(/\/sign-in\?next=%2Fadmin/);
  const response = await request.get("/api/users");
  expect(response.status()).toBe(401);
  expect(await response.json()).toMatchObject({ code: "unauthorized", status: 401 });
});

for (const role of ["analyst", "lead", "manager"] as const) {
  test(`${role} sees the app but is refused the admin page and admin API`, async ({ page }) => {
    await signIn(page, role);
    const nav = page.getByRole("navigation", { name: "Main" });
    await expect(nav.getByRole("link", { name: "Alerts" })).toBeVisible();
    await expect(nav.getByRole("link", { name: "Admin" })).toHaveCount(0);
    await expect(nav.getByRole("link", { name: "Uploads" })).toHaveCount(role === "manager" ? 0 : 1);

    const adminPage = await page.goto("/admin");
    expect(adminPage?.status()).toBe(403);
    await expect(page.getByText("Your role cannot open this page")).toBeVisible();

    const api = await page.request.get("/api/users");
    expect(api.status()).toBe(403);
    expect(await api.json()).toMatchObject({ code: "forbidden" });
  });
}

test("admin adds a user who can then sign in with the given role; sign-out ends the session", async ({ page, browser }) => {
  await signIn(page, "admin");
  await page.getByRole("navigation", { name: "Main" }).getByRole("link", { name: "Admin" }).click();
  const email = `new-lead-${Date.now()}@e2e.test`;
  await page.getByLabel("Email", { exact: true }).fill(email);
  await page.getByLabel("Role", { exact: true }).selectOption("lead");
  await page.getByLabel("Initial password").fill("correct horse battery");
  await page.getByRole("button", { name: "Add user" }).click();
  await expect(page.getByRole("status")).toHaveText(`Added ${email} as lead.`);
  await expect(page.getByRole("cell", { name: email })).toBeVisible();
  await page.screenshot({ path: "test-results/screenshots/admin-users.png", fullPage: true });

  const other = await browser.newPage();
  await other.goto("/sign-in");
  await other.getByLabel("Email").fill(email);
  await other.getByLabel("Password").fill("correct horse battery");
  await other.getByRole("button", { name: "Sign in" }).click();
  await expect(other.getByTestId("current-role")).toHaveText("lead");
  await other.getByRole("button", { name: "Sign out" }).click();
  await expect(other).toHaveURL(/\/sign-in/);
  await other.goto("/alerts");
  await expect(other).toHaveURL(/\/sign-in/);
});

test("signed-in home page (screenshot artefact)", async ({ page }) => {
  await signIn(page, "analyst");
  await expect(page.getByRole("heading", { name: /Welcome/ })).toBeVisible();
  await page.screenshot({ path: "test-results/screenshots/home-analyst.png", fullPage: true });
});

test("an API token created in the UI authenticates scripts and can be revoked", async ({ page, playwright }) => {
  await signIn(page, "lead", "/account");
  await page.goto("/account");
  await page.getByLabel("Token name").fill("e2e-script");
  await page.getByRole("button", { name: "Create token" }).click();
  const token = (await page.getByTestId("new-token").textContent())?.trim() ?? "";
  expect(token).toMatch(/^lat_/);

  const api = await playwright.request.newContext({ baseURL: test.info().project.use.baseURL });
  const me = await api.get("/api/me", { headers: { authorization: `Bearer ${token}` } });
  expect(await me.json()).toMatchObject({ role: "lead", via: "token" });

  await page.getByRole("row", { name: /e2e-script/ }).getByRole("button", { name: "Revoke" }).click();
  await expect(page.getByRole("row", { name: /e2e-script/ })).toContainText("revoked");
  const after = await api.get("/api/me", { headers: { authorization: `Bearer ${token}` } });
  expect(after.status()).toBe(401);
  expect((await after.json()).detail).toMatch(/revoked/);
});
