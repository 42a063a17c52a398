import { afterAll, beforeAll, describe, inject, it } from "vitest";
import type { Browser } from "playwright-core";
import { expectAccessible } from "./support/axe";
import { connectChromium, newContext } from "./support/browser";
import { screenshot } from "./support/screenshots";
import { WeftProcess } from "./support/weft";

// Its own weft dev: a batch runs as a system workflow (`__weft_batch:<jobId>`) that the shared
// dev's workflows list would then show next to the example runs.
describe("bulk actions and batch pages", () => {
  let weft: WeftProcess;
  let browser: Browser;

  beforeAll(async () => {
    weft = await WeftProcess.dev();
    browser = await connectChromium(inject("chromiumWs"));
  });

  afterAll(async () => {
    await browser?.close();
    await weft?.close();
  });

  it("starts a batch over a filter from the workflows list and follows it to its end", async () => {
    const context = await newContext(browser, weft.baseUrl);
    const p = await context.newPage();
    const filter = "WorkflowId = 'no-such-run-e2e'";
    await p.goto(`/namespaces/default/workflows?query=${encodeURIComponent(filter)}`);
    await p.getByRole("button", { name: "Apply to all matching…" }).click();
    await p.getByRole("button", { name: "Resume all" }).click();
    const dialog = p.getByRole("dialog", { name: "Resume all matching runs?" });
    await dialog.getByText("It matches 0 runs now.").waitFor();
    await dialog.getByLabel("Reason").fill("e2e");
    await dialog.getByRole("button", { name: "Resume all" }).click();
    await p.waitForURL("**/namespaces/default/batch-operations/*");
    await p.getByText("COMPLETED", { exact: true }).waitFor();
    await expectAccessible(p, "a batch's page");
    await p.getByRole("link", { name: "All batch operations" }).click();
    await p.getByRole("table", { name: "Batch operations" }).waitFor();
    await expectAccessible(p, "the batch operations page");
    await context.close();
  });

  it("pauses the running example runs as one batch and shows its progress (the screenshots)", async () => {
    const context = await newContext(browser, weft.baseUrl);
    const p = await context.newPage();
    const filter = "ExecutionStatus = 'RUNNING'";
    await p.goto(`/namespaces/default/workflows?query=${encodeURIComponent(filter)}`);
    await p.getByRole("button", { name: "Apply to all matching…" }).click();
    await p.getByRole("button", { name: "Pause all" }).click();
    const dialog = p.getByRole("dialog", { name: "Pause all matching runs?" });
    await dialog.getByText(/It matches [1-9]\d* runs? now\./).waitFor();
    await dialog.getByLabel("Reason").fill("maintenance window");
    await dialog.getByRole("button", { name: "Pause all" }).click();
    await p.waitForURL("**/namespaces/default/batch-operations/*");
    await p.getByText("COMPLETED", { exact: true }).waitFor();
    await p.getByTestId("batch-progress").getByText(/[1-9]\d* done, 0 refused of [1-9]/).waitFor();
    await screenshot(p, "batch-operation-light");
    await p.getByRole("link", { name: "All batch operations" }).click();
    await p.getByRole("table", { name: "Batch operations" }).waitFor();
    await screenshot(p, "batch-operations-light");
    await context.close();
  });
});
