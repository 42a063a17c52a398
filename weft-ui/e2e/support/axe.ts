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
 * Runs axe-core on the page as it is now and fails on every `serious` or `critical` violation,
 * printing each (rule, impact, help, the offending elements).
 */
export async function expectAccessible(page: Page, what: string): Promise<void> {
  await page.addScriptTag({ content: axeSource });
  const results = await page.evaluate(() =>
    window.axe.run(document, { resultTypes: ["violations"] }),
  );
  const bad = results.violations.filter((v) => v.impact === "serious" || v.impact === "critical");
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
