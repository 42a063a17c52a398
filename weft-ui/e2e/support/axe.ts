import { readFileSync } from "node:fs";
import { createRequire } from "node:module";
import type { AxeResults, Result } from "axe-core";
import type { Page } from "playwright-core";
import { expect } from "vitest";

const axeSource = readFileSync(createRequire(import.meta.url).resolve("axe-core/axe.min.js"), "utf8");

declare global {
  interface Window {
    axe: { run(context: Document, options: object): Promise<AxeResults> };
  }
}

/**
 * Violations found by these tests in pages owned by other branches, reported and waiting for their
 * fix: each is one rule on one element (its axe selector), printed as a warning on every run
 * instead of failing, so that every other violation still fails. Remove an entry with its fix.
 */
const KNOWN: readonly { rule: string; target: string; why: string }[] = [
  {
    rule: "aria-required-children",
    target: ".runs",
    why:
      "RunsTable (pages/workflows) puts its footer (runs loaded, Load more) inside role=table; " +
      "fix: move .runs-foot out of the table element",
  },
];

/**
 * Runs axe-core on the page as it is now and fails on every `serious` or `critical` violation,
 * printing each (rule, impact, help, the offending elements).
 */
export async function expectAccessible(page: Page, what: string): Promise<void> {
  await page.addScriptTag({ content: axeSource });
  const results = await page.evaluate(() =>
    window.axe.run(document, { resultTypes: ["violations"] }),
  );
  const serious = results.violations.filter((v) => v.impact === "serious" || v.impact === "critical");
  const bad: Result[] = [];
  for (const v of serious) {
    const nodes = v.nodes.filter((n) => {
      const known = KNOWN.find((k) => k.rule === v.id && n.target.join(" ") === k.target);
      if (known !== undefined) console.warn(`axe on ${what}: known ${v.id} on ${known.target}: ${known.why}`);
      return known === undefined;
    });
    if (nodes.length > 0) bad.push({ ...v, nodes });
  }
  if (bad.length > 0) console.error(`axe on ${what}:\n${describe(bad)}`);
  expect(describe(bad), `serious or critical axe violations on ${what}`).toBe("");
}

function describe(violations: readonly Result[]): string {
  return violations
    .map(
      (v) =>
        `${v.id} (${String(v.impact)}): ${v.help}\n` +
        v.nodes.map((n) => `    ${n.target.join(" ")}: ${n.failureSummary ?? ""}`).join("\n"),
    )
    .join("\n");
}
