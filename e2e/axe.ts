import { appendFileSync, mkdirSync } from "node:fs";
import path from "node:path";
import AxeBuilder from "@axe-core/playwright";
import { expect, type Page, test } from "@playwright/test";
import { screenshotPath } from "./fixtures";

// axe-core in the browser the test drives: the WCAG 2.1 A and AA rules, on the page as it is at
// the moment of the call (open dialogs, expanded rows and the colour scheme included).

/** The rule tags of WCAG 2.1 levels A and AA. */
export const WCAG_21_AA = ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa"];

/**
 * WCAG 2.1 A/AA rules axe marks experimental and so leaves out unless asked: accessible names
 * that do not contain the visible label (2.5.3), tables whose cells have no header, fake captions
 * and paragraphs styled as headings (1.3.1), layouts locked to one orientation (1.3.4).
 */
export const EXPERIMENTAL_WCAG_RULES = [
  "label-content-name-mismatch",
  "td-has-header",
  "table-fake-caption",
  "p-as-heading",
  "css-orientation-lock",
];

export type ColorScheme = "light" | "dark";
export const SCHEMES: readonly ColorScheme[] = ["light", "dark"];

export interface AxeFinding {
  rule: string;
  impact: string | null;
  help: string;
  /** One line per offending element: its selector and what axe measured (contrast ratio, colours). */
  nodes: string[];
}

export interface AxeOptions {
  /** Only these rule ids (e.g. ["color-contrast"]); all WCAG 2.1 A/AA rules when unset. */
  rules?: string[];
  /** Only serious and critical findings, as an accessibility gate counts them (default true). */
  seriousOnly?: boolean;
  /** Selectors axe leaves out. */
  exclude?: string[];
}

/** The violations axe-core finds on the page now, one entry per rule. An empty list is a pass. */
export async function findViolations(page: Page, options: AxeOptions = {}): Promise<AxeFinding[]> {
  let builder = new AxeBuilder({ page });
  builder = options.rules
    ? builder.withRules(options.rules)
    : builder.options({
        runOnly: { type: "tag", values: WCAG_21_AA },
        rules: Object.fromEntries(EXPERIMENTAL_WCAG_RULES.map((rule) => [rule, { enabled: true }])),
      });
  for (const selector of options.exclude ?? []) builder = builder.exclude(selector);
  const { violations } = await builder.analyze();
  return violations
    .filter(
      (violation) =>
        !(options.seriousOnly ?? true) || violation.impact === "serious" || violation.impact === "critical",
    )
    .map((violation) => ({
      rule: violation.id,
      impact: violation.impact ?? null,
      help: violation.help,
      nodes: violation.nodes.map(
        (node) => `${node.target.join(" ")}: ${node.failureSummary?.split("\n").slice(1).join(" ").trim() ?? ""}`,
      ),
    }));
}

/** The findings as readable lines, for an assertion message or a report. */
export function describeViolations(findings: AxeFinding[]): string {
  return findings
    .map((finding) => `${finding.rule} (${finding.impact}): ${finding.help}\n  ${finding.nodes.join("\n  ")}`)
    .join("\n");
}

/**
 * Shows the page in a colour scheme as the app would (the media query and the `dark` class the
 * theme script sets), with the colour transitions it starts run to their end — axe measuring
 * halfway through a `transition-colors` would report colours nobody sees. (Finished, not awaited:
 * a transition in a closed <details> never runs.)
 */
export async function showColorScheme(page: Page, scheme: ColorScheme): Promise<void> {
  await applyScheme(page, scheme, scheme === "dark");
}

async function applyScheme(page: Page, media: ColorScheme, dark: boolean): Promise<void> {
  await page.emulateMedia({ colorScheme: media });
  await page.evaluate((dark) => {
    document.documentElement.classList.toggle("dark", dark);
    for (const animation of document.getAnimations()) if (animation instanceof CSSTransition) animation.finish();
  }, dark);
}

const REPORT = path.resolve(".data/test-results/axe/findings.jsonl");

/** One line per check in .data/test-results/axe/findings.jsonl, for counting over a whole run. */
function record(name: string, scheme: ColorScheme, findings: AxeFinding[]): void {
  mkdirSync(path.dirname(REPORT), { recursive: true });
  const elements = findings.reduce((sum, finding) => sum + finding.nodes.length, 0);
  const line = {
    test: test.info().titlePath.slice(1).join(" › "),
    page: name,
    scheme,
    elements,
    rules: findings.map((finding) => finding.rule),
  };
  appendFileSync(REPORT, `${JSON.stringify(line)}\n`);
}

export interface ExpectAccessibleOptions extends Pick<AxeOptions, "exclude"> {
  /** Default both. */
  schemes?: readonly ColorScheme[];
  /** Also saves a full-page screenshot per scheme, `<screenshot>-<scheme>.png`, with the test output. */
  screenshot?: string;
}

/** Time added to the test's timeout per scheme checked. */
const CHECK_ALLOWANCE_MS = 20_000;

/**
 * Fails the test (softly: it runs on and lists every page's findings at the end) on any serious or
 * critical WCAG 2.1 A/AA violation on the page as it is now, in light and in dark mode. Call it on
 * each page and state a journey reaches (a dialog open, a row expanded); the page is left in the
 * colour scheme it had.
 */
export async function expectAccessible(page: Page, name: string, options: ExpectAccessibleOptions = {}): Promise<void> {
  // The checks come on top of the journey, so they bring their own time: an axe run over a page
  // takes a few seconds, and many times that on a machine busy with other suites.
  const { timeout } = test.info();
  if (timeout > 0) test.info().setTimeout(timeout + CHECK_ALLOWANCE_MS * (options.schemes ?? SCHEMES).length);
  await test.step(`axe: ${name}`, async () => {
    const { dark, systemDark } = await page.evaluate(() => ({
      dark: document.documentElement.classList.contains("dark"),
      systemDark: matchMedia("(prefers-color-scheme: dark)").matches,
    }));
    const current: ColorScheme = dark ? "dark" : "light";
    // The scheme the page is in first, so a one-scheme page switches once at most.
    const schemes = [...(options.schemes ?? SCHEMES)].sort((a, b) => Number(b === current) - Number(a === current));
    for (const scheme of schemes) {
      if (scheme !== current) await showColorScheme(page, scheme);
      if (options.screenshot)
        await page.screenshot({ path: screenshotPath(`${options.screenshot}-${scheme}`), fullPage: true });
      const findings = await findViolations(page, { exclude: options.exclude });
      record(name, scheme, findings);
      expect.soft(findings, `${name} (${scheme}):\n${describeViolations(findings)}`).toEqual([]);
    }
    if (schemes.some((scheme) => scheme !== current)) await applyScheme(page, systemDark ? "dark" : "light", dark);
  });
}
