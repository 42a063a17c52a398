import axe from "axe-core";

/**
 * The axe violations of the document (jsdom has no layout, so the colour contrast rule, which needs
 * one, runs in the browser tests only), as `rule: selector` strings.
 */
export async function axeViolations(): Promise<string[]> {
  // what index.html gives the real page
  if (document.documentElement.lang === "") document.documentElement.lang = "en";
  if (document.title === "") document.title = "Weft";
  const result = await axe.run(document, {
    resultTypes: ["violations"],
    rules: { "color-contrast": { enabled: false } },
  });
  return result.violations.flatMap((v) => v.nodes.map((n) => `${v.id}: ${n.target.join(" ")}`));
}
