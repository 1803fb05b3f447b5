import { readFileSync } from "node:fs";
import path from "node:path";
import { expect, type Page } from "@playwright/test";
import type { Role } from "@/lib/roles";

type Credentials = { email: string; password: string };

export function credentials(role: Role): Credentials {
  const users = JSON.parse(readFileSync(path.join(import.meta.dirname, ".auth", "users.json"), "utf8")) as Record<Role, Credentials>;
  return users[role];
}

export async function signIn(page: Page, role: Role, next = "/") {
  const { email, password } = credentials(role);
  await page.goto(`/sign-in?next=${encodeURIComponent(next)}`);
  await page.getByLabel("Email").fill(email);
  await page.getByLabel("Password").fill(password);
  await page.getByRole("button", { name: "Sign in" }).click();
  await expect(page.getByTestId("current-role")).toHaveText(role);
}

/** Cookie-authenticated API writes must carry our Origin (the CSRF check); browsers add it themselves. */
export function baseURL(): string {
  return process.env.E2E_BASE_URL ?? "http://localhost:3100";
}
