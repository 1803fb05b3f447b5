import { AppError } from "@/lib/server/http/problem";
import { findScopeBreadthProblems } from "@/lib/triage/baseline";
import type { BaselineScope } from "@/lib/triage/baseline-schema";

/** The playbook's limit: an approval is reviewed at least once a year. */
export const MAX_EXPIRY_MS = 366 * 24 * 3600_000;

export function assertNotTooBroad(scope: BaselineScope): void {
  const problems = findScopeBreadthProblems(scope);
  if (problems.length === 0) return;
  throw new AppError("validation_failed", "This scope is too broad to approve", {
    errors: problems.map((message) => ({ path: "scope", message })),
  });
}

export function assertExpiry(expiresAt: Date, now: Date): void {
  const left = expiresAt.getTime() - now.getTime();
  const problem = left <= 0 ? "the expiry must be in the future" : left > MAX_EXPIRY_MS ? "the expiry can be at most one year away" : null;
  if (problem) throw new AppError("validation_failed", "Invalid expiry", { errors: [{ path: "expiresAt", message: problem }] });
}
