// `npm test`: every tier in order — type check, lint, unit, database, browser — then one summary line.
// Databases: DATABASE_URL when set, else the local PostgreSQL service when it answers, else embedded.
import { spawnSync } from "node:child_process";
import { readFileSync, rmSync } from "node:fs";

const only = process.argv.slice(2);
const steps = [
  { name: "typecheck", cmd: ["node_modules/typescript/bin/tsc", "--noEmit"] },
  { name: "lint", cmd: ["node_modules/eslint/bin/eslint.js", ".", "--max-warnings=0"] },
  { name: "unit", cmd: ["node_modules/vitest/vitest.mjs", "run", "--project", "unit", "--reporter=default", "--reporter=json", "--outputFile.json=test-results/unit.json"], report: "test-results/unit.json" },
  { name: "db", cmd: ["node_modules/vitest/vitest.mjs", "run", "--project", "db", "--reporter=default", "--reporter=json", "--outputFile.json=test-results/db.json"], report: "test-results/db.json" },
  { name: "e2e", cmd: ["--import", "tsx", "e2e/run.ts"], report: "test-results/e2e-report.json" },
].filter((step) => only.length === 0 || only.includes(step.name));

let passed = 0;
let failed = 0;
const failedSteps = [];
for (const step of steps) {
  const started = Date.now();
  console.log(`\n=== ${step.name} ===`);
  if (step.report) rmSync(step.report, { force: true });
  const result = spawnSync(process.execPath, step.cmd, { stdio: "inherit", env: process.env });
  const counts = step.report ? readCounts(step.report) : null;
  if (counts) {
    passed += counts.passed;
    failed += counts.failed;
  }
  if (result.status !== 0) failedSteps.push(step.name);
  console.log(`=== ${step.name}: ${result.status === 0 ? "ok" : "FAILED"} in ${((Date.now() - started) / 1000).toFixed(1)} s ===`);
}

if (failedSteps.length) console.log(`\nFailed tiers: ${failedSteps.join(", ")}`);
console.log(`\ntests: ${passed} passed, ${failed} failed`);
process.exit(failedSteps.length ? 1 : 0);

function readCounts(file) {
  try {
    const report = JSON.parse(readFileSync(file, "utf8"));
    if ("numPassedTests" in report) return { passed: report.numPassedTests, failed: report.numFailedTests };
    const stats = report.stats ?? {};
    return { passed: (stats.expected ?? 0) + (stats.flaky ?? 0), failed: stats.unexpected ?? 0 };
  } catch {
    return null;
  }
}
