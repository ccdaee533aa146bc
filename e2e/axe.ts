import AxeBuilder from "@axe-core/playwright";
import type { Page } from "@playwright/test";

// axe-core in the browser the test drives: the WCAG 2.1 A and AA rules, on the page as it is at
// the moment of the call (open dialogs, expanded rows and the colour scheme included).

/** The rule tags of WCAG 2.1 levels A and AA. */
export const WCAG_21_AA = ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa"];

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
  let builder = new AxeBuilder({ page }).withTags(WCAG_21_AA);
  if (options.rules) builder = builder.withRules(options.rules);
  for (const selector of options.exclude ?? []) builder = builder.exclude(selector);
  const { violations } = await builder.analyze();
  return violations
    .filter((violation) => !(options.seriousOnly ?? true) || violation.impact === "serious" || violation.impact === "critical")
    .map((violation) => ({
      rule: violation.id,
      impact: violation.impact ?? null,
      help: violation.help,
      nodes: violation.nodes.map((node) => `${node.target.join(" ")}: ${node.failureSummary?.split("\n").slice(1).join(" ").trim() ?? ""}`),
    }));
}

/** The findings as readable lines, for an assertion message or a report. */
export function describeViolations(findings: AxeFinding[]): string {
  return findings.map((finding) => `${finding.rule} (${finding.impact}): ${finding.help}\n  ${finding.nodes.join("\n  ")}`).join("\n");
}
