import type { BenchGroup } from "../support/context";
import { seenAt } from "../support/probes";

/**
 * The workflows list over the seeded store (100,000 runs): opened cold (a fresh browser context,
 * so the UI's files are fetched too), it is interactive once a run row is rendered and the filter
 * takes a keystroke.
 */
export const workflowsGroup: BenchGroup = {
  name: "workflowsList",
  metrics: [
    {
      key: "interactiveMs",
      definition:
        "navigation start to interactive: the first run row is rendered, then a keystroke into the" +
        " Filter input, sent by the page itself the moment that row is seen (a task queued from the" +
        " MutationObserver that saw it; execCommand insertText, which fires a real input event), has" +
        " been handled by React (the input shows it) and the frame after it has run",
      targetMs: 1000,
    },
    {
      key: "firstRowsMs",
      definition: "navigation start to the first run row in the page (context for interactiveMs)",
    },
  ],
  async round(ctx) {
    const { page, close } = await ctx.newPage({
      type: { input: 'input[type="search"]', typeWhen: '[role="row"][aria-rowindex="2"]', text: "W" },
    });
    try {
      await page.goto("/namespaces/default/workflows", { waitUntil: "commit" });
      const firstRow = await seenAt(page, "runRow");
      const painted = await page.waitForFunction(() => window.__weftBench.inputPaintedAt, undefined, {
        polling: 50,
        timeout: 60_000,
      });
      const interactive = (await painted.jsonValue()) as number;
      const value = await page.getByLabel("Filter", { exact: true }).inputValue();
      if (value !== "W") throw new Error(`the Filter input shows '${value}' after typing 'W'`);
      return { interactiveMs: [interactive], firstRowsMs: [firstRow] };
    } finally {
      await close();
    }
  },
};
