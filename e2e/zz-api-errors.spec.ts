import { expect, test } from "@playwright/test";
import { baseURL, credentials, signIn } from "./fixtures";

// Runs last (file order): the rate-limit case uses up this minute's sign-in attempts.

test("bad requests get one problem+json shape with a stable code, never a stack trace", async ({ page }) => {
  await signIn(page, "admin");
  const origin = { origin: baseURL() };
  const malformed = await page.request.post("/api/users", { headers: { ...origin, "content-type": "application/json" }, data: Buffer.from("{not json") });
  expect(malformed.status()).toBe(400);
  expect(await malformed.json()).toMatchObject({ code: "invalid_json", status: 400 });

  const unknownField = await page.request.post("/api/users", { headers: origin, data: { email: "x@e2e.test", role: "analyst", password: "long enough password", isAdmin: true } });
  expect(unknownField.status()).toBe(422);
  const body = await unknownField.json();
  expect(body.code).toBe("validation_failed");
  expect(JSON.stringify(body.errors)).toMatch(/isAdmin/);
  expect(JSON.stringify(body)).not.toMatch(/at .*\.ts:\d+/);
  expect(await page.request.get("/api/users?email=x%40e2e.test").then((r) => r.json()).then((r) => r.users.some((u: { email: string }) => u.email === "x@e2e.test"))).toBe(false);

  const oversize = await page.request.post("/api/users", { headers: { ...origin, "content-type": "application/json" }, data: JSON.stringify({ email: "a@b.c", pad: "x".repeat(1_100_000) }) });
  expect(oversize.status()).toBe(413);
  expect((await oversize.json()).code).toBe("body_too_large");

  const crossSite = await page.request.post("/api/users", { headers: { origin: "https://evil.example" }, data: { email: "y@e2e.test", role: "admin", password: "long enough password" } });
  expect(crossSite.status()).toBe(403);
  expect((await crossSite.json()).code).toBe("csrf_failed");

  const badToken = await page.request.get("/api/me", { headers: { authorization: "Bearer lat_not-a-real-token-000000000000" } });
  expect(badToken.status()).toBe(401);
  expect(await badToken.json()).toMatchObject({ code: "unauthorized", detail: "API token is unknown" });

  const health = await page.request.get("/api/health");
  expect(await health.json()).toMatchObject({ status: "ok", database: { reachable: true, pendingMigrations: [] } });
  const openapi = await (await page.request.get("/api/openapi.json")).json();
  expect(Object.keys(openapi.paths)).toEqual(expect.arrayContaining(["/api/alerts", "/api/uploads", "/api/baselines", "/api/trends", "/api/health"]));
});

test("sign-in attempts are rate-limited per client", async ({ request }) => {
  const { email } = credentials("analyst");
  const statuses: number[] = [];
  for (let i = 0; i < 45 && !statuses.includes(429); i++) {
    const response = await request.post("/api/auth/sign-in/email", { headers: { origin: baseURL() }, data: { email, password: `wrong-${i}` } });
    statuses.push(response.status());
  }
  expect(statuses[0]).toBe(401);
  expect(statuses.at(-1)).toBe(429);
});
