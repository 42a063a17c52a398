import { afterAll, beforeAll, describe, expect, inject, it } from "vitest";
import type { Browser, BrowserContext, Page } from "playwright-core";
import { expectAccessible } from "./support/axe";
import { connectChromium, newContext } from "./support/browser";
import { screenshot } from "./support/screenshots";

describe("the operations pages (task queues, nodes, namespaces), against weft dev", () => {
  const weft = inject("weftDev");
  let browser: Browser;
  let context: BrowserContext;

  beforeAll(async () => {
    browser = await connectChromium(inject("chromiumWs"));
  });

  afterAll(async () => {
    await context?.close();
    await browser?.close();
  });

  async function freshPage(): Promise<Page> {
    await context?.close();
    context = await newContext(browser, weft.baseUrl);
    return context.newPage();
  }

  it("lists the example task queues, opens one with its pollers, pauses and resumes it, and passes axe", async () => {
    const p = await freshPage();
    await p.goto("/namespaces/default/task-queues");
    const queues = p.getByRole("table", { name: "Task queues" });
    await queues.getByRole("link", { name: "greetings", exact: true }).waitFor();
    await p.getByRole("heading", { name: "Attention" }).waitFor();
    await expectAccessible(p, "the task queues page");
    await screenshot(p, "task-queues-light");

    await queues.getByRole("link", { name: "greetings", exact: true }).click();
    await p.waitForURL("**/namespaces/default/task-queues/greetings");
    await p.getByRole("table", { name: "Pollers" }).waitFor();
    await expectAccessible(p, "a task queue's page");

    await p.getByRole("button", { name: "Pause" }).click();
    const dialog = p.getByRole("dialog", { name: "Pause greetings?" });
    await dialog.getByLabel("Reason").fill("e2e maintenance");
    await dialog.getByRole("button", { name: "Pause" }).click();
    await p.getByText("Paused: e2e maintenance").waitFor();

    await p.getByRole("button", { name: "Resume" }).click();
    await p.getByRole("dialog", { name: "Resume greetings?" }).getByRole("button", { name: "Resume" }).click();
    await p.getByRole("button", { name: "Pause" }).waitFor();
    await expect(p.getByText("Paused: e2e maintenance").count()).resolves.toBe(0);
  });

  it("shows weft dev's own node as live, and passes axe", async () => {
    const p = await freshPage();
    await p.goto("/namespaces/default/nodes");
    const nodes = p.getByRole("table", { name: "Nodes" });
    await nodes.getByText("Live", { exact: true }).first().waitFor();
    expect(await nodes.getByRole("row").count()).toBeGreaterThanOrEqual(2);
    await expectAccessible(p, "the nodes page");
    await screenshot(p, "nodes-light");
  });

  it("creates a namespace, shows the server's problem for a bad retention, edits it, and passes axe", async () => {
    const p = await freshPage();
    await p.goto("/namespaces");
    const table = p.getByRole("table", { name: "Namespaces" });
    await table.getByRole("link", { name: "default", exact: true }).waitFor();
    await expectAccessible(p, "the namespaces page");

    const name = `e2e-${Date.now()}`;
    await p.getByRole("button", { name: "Create namespace" }).click();
    const create = p.getByRole("dialog", { name: "Create a namespace" });
    await create.getByLabel("Name").fill(name);
    await create.getByLabel(/Retention/).fill("7 days");
    await create.getByRole("button", { name: "Create" }).click();
    await create.getByRole("alert").waitFor();
    await expectAccessible(p, "the create dialog with a problem");
    await create.getByLabel(/Retention/).fill("P7D");
    await create.getByLabel("Description").fill("made by the browser tests");
    await create.getByRole("button", { name: "Create" }).click();
    await table.getByRole("link", { name, exact: true }).waitFor();

    await p.getByRole("button", { name: `Edit ${name}` }).click();
    const edit = p.getByRole("dialog", { name: `Edit namespace ${name}` });
    await edit.getByLabel(/Retention/).fill("PT36H");
    await edit.getByRole("button", { name: "Save" }).click();
    await table.getByTitle("PT36H").waitFor();
    await screenshot(p, "namespaces-light");
  });
});
