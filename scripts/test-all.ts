// npm test — the linter, then every tier: vitest (unit + integration on a real PostgreSQL), then
// Playwright in a real Chromium. Its last line is "N passed, N failed[, N skipped]" over all of them.
import { spawnSync } from "node:child_process";
import { existsSync, mkdirSync, readFileSync, rmSync } from "node:fs";
import path from "node:path";

const RESULTS = path.resolve(".data/test-results");
mkdirSync(RESULTS, { recursive: true });

interface Totals {
  passed: number;
  failed: number;
  skipped: number;
}

function run(command: string, args: string[], extraEnv: Record<string, string> = {}): number {
  const result = spawnSync(command, args, { stdio: "inherit", env: { ...process.env, ...extraEnv } });
  return result.status ?? 1;
}

function vitestTotals(file: string): Totals | null {
  if (!existsSync(file)) return null;
  const report = JSON.parse(readFileSync(file, "utf8")) as {
    numPassedTests: number;
    numFailedTests: number;
    numPendingTests: number;
    numTodoTests: number;
  };
  return {
    passed: report.numPassedTests,
    failed: report.numFailedTests,
    skipped: report.numPendingTests + report.numTodoTests,
  };
}

function playwrightTotals(file: string): Totals | null {
  if (!existsSync(file)) return null;
  const report = JSON.parse(readFileSync(file, "utf8")) as {
    stats: { expected: number; unexpected: number; skipped: number; flaky: number };
  };
  const { expected, unexpected, skipped, flaky } = report.stats;
  return { passed: expected + flaky, failed: unexpected, skipped };
}

const only = process.argv[2]; // "lint" | "unit" | "integration" | "e2e" to run one tier
const totals: Totals = { passed: 0, failed: 0, skipped: 0 };
let crashed = false;

function add(tier: string, status: number, counted: Totals | null): void {
  if (!counted) {
    crashed = true;
    console.error(`${tier}: no results (exit code ${status})`);
    return;
  }
  totals.passed += counted.passed;
  totals.failed += counted.failed;
  totals.skipped += counted.skipped;
  if (status !== 0 && counted.failed === 0) {
    crashed = true;
    console.error(`${tier}: exited with ${status} without a failing test (setup or teardown error)`);
  }
}

// The linter first (Biome: format, import order, lint rules): a finding fails the run before any tier.
if (!only || only === "lint") {
  const status = run("npx", ["biome", "check", "."]);
  if (status !== 0) {
    crashed = true;
    console.error("lint: Biome found problems (npm run lint:fix applies the safe fixes and the formatting)");
  }
}
if (!only || only === "unit" || only === "integration") {
  const file = path.join(RESULTS, "vitest.json");
  rmSync(file, { force: true });
  const projects = only ? ["--project", only] : [];
  const status = run("npx", [
    "vitest",
    "run",
    ...projects,
    "--reporter=default",
    "--reporter=json",
    `--outputFile.json=${file}`,
  ]);
  add("vitest", status, vitestTotals(file));
}
if (!only || only === "e2e") {
  const file = path.join(RESULTS, "playwright.json");
  rmSync(file, { force: true });
  const status = run("npx", ["playwright", "test", "--reporter=list,json"], { PLAYWRIGHT_JSON_OUTPUT_NAME: file });
  add("playwright", status, playwrightTotals(file));
}

const skipped = totals.skipped ? `, ${totals.skipped} skipped` : "";
console.log(`${totals.passed} passed, ${totals.failed} failed${skipped}`);
process.exit(totals.failed > 0 || crashed ? 1 : 0);
