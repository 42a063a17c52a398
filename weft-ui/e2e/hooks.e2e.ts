import { createHmac } from "node:crypto";
import { afterAll, beforeAll, describe, expect, inject, it } from "vitest";
import type { Browser } from "playwright-core";
import { expectAccessible } from "./support/axe";
import { connectChromium, newContext } from "./support/browser";
import { screenshot } from "./support/screenshots";
import { WeftProcess } from "./support/weft";

/**
 * The signing secret of the example hook: `weft dev` registers `approve` only when
 * WEFT_EXAMPLE_HOOK_SECRET is set.
 */
const EXAMPLE_HOOK_SECRET = "e2e-example-hook-secret";

/** weft dev's example hook: signals `approve(approver, comment)` to the workflow the body names. */
const HOOK = "approve";
/** A run of the approval example of this file's own (the example run approval-exp-2001 is left waiting). */
const REQUEST_ID = `exp-hook-e2e-${Date.now()}`;
const APPROVAL = `approval-${REQUEST_ID}`;
const KEY = `e2e-${Date.now()}`;

function sign(body: string, secret: string): string {
  return `sha256=${createHmac("sha256", secret).update(body, "utf8").digest("hex")}`;
}

// Its own weft dev, with the hook's secret set: a delivery and the approval it approves are two
// more runs, and on the shared weft dev they pushed order-1001 out of the rendered rows of the
// workflows list, which the run page's and the shell's tests open it from.
describe("the webhooks pages, against weft dev's example hook", () => {
  let weft: WeftProcess;
  let api: string;
  let browser: Browser;

  beforeAll(async () => {
    weft = await WeftProcess.dev({ WEFT_EXAMPLE_HOOK_SECRET: EXAMPLE_HOOK_SECRET });
    api = `${weft.baseUrl}/api/v1/namespaces/default`;
    browser = await connectChromium(inject("chromiumWs"));
  }, 180_000);

  afterAll(async () => {
    await browser?.close();
    await weft?.close();
  });

  async function describeRun(workflowId: string): Promise<{ status: string; workflowType: string }> {
    const r = await fetch(`${api}/workflows/${encodeURIComponent(workflowId)}`);
    expect(r.status).toBe(200);
    return (await r.json()) as { status: string; workflowType: string };
  }

  async function eventually<T>(what: string, read: () => Promise<T>, ok: (v: T) => boolean): Promise<T> {
    const deadline = Date.now() + 30_000;
    for (;;) {
      const v = await read();
      if (ok(v)) return v;
      if (Date.now() > deadline) throw new Error(`${what}: still ${JSON.stringify(v)} after 30 s`);
      await new Promise((done) => setTimeout(done, 300));
    }
  }

  /** Starts an approval like the example's and waits until it asked its approver, dave. */
  async function startApproval(): Promise<void> {
    const { workflowType } = await describeRun("approval-exp-2001");
    const started = await fetch(`${api}/workflows`, {
      method: "POST",
      headers: { "Content-Type": "application/json" },
      body: JSON.stringify({
        workflowType,
        args: [
          { requestId: REQUEST_ID, requester: "carol", description: "hook e2e", amountCents: 1200, approver: "dave", escalationApprover: "erin" },
        ],
        options: { workflowId: APPROVAL, taskQueue: "approvals" },
      }),
    });
    expect(started.status, await started.clone().text()).toBeLessThan(300);
    await eventually(
      `${APPROVAL} asking dave`,
      async () => {
        const r = await fetch(`${api}/workflows/${APPROVAL}/queries/state`, {
          method: "POST",
          headers: { "Content-Type": "application/json" },
          body: "{}",
        });
        return r.status === 200 ? ((await r.json()) as { result: { approver?: string } }).result.approver : undefined;
      },
      (approver) => approver === "dave",
    );
  }

  function deliver(body: string, signature: string, key: string) {
    return fetch(`${api}/hooks/${HOOK}`, {
      method: "POST",
      headers: { "Content-Type": "application/json", "X-Weft-Signature": signature, "Idempotency-Key": key },
      body,
    });
  }

  it("approves its own approval run by a signed delivery, refuses a badly signed one, and shows the delivery with its run", async () => {
    await startApproval();
    const body = JSON.stringify({ workflowId: APPROVAL, approver: "dave", comment: "approved by the webhook browser test" });

    const forged = await deliver(body, sign(body, "not-the-secret"), `${KEY}-forged`);
    expect(forged.status).toBe(401);
    expect(((await forged.json()) as { type: string }).type).toContain("hook-signature");

    const delivered = await deliver(body, sign(body, EXAMPLE_HOOK_SECRET), KEY);
    expect(delivered.status).toBe(202);
    const delivery = (await delivered.json()) as { deliveryId: string; workflowId: string };
    expect(delivery.deliveryId).toBe(`__weft_hook:${HOOK}:${KEY}`);
    const again = await deliver(body, sign(body, EXAMPLE_HOOK_SECRET), KEY);
    expect(again.status).toBe(200); // the same key: nothing new

    await eventually(`${APPROVAL} approved`, async () => (await describeRun(APPROVAL)).status, (s) => s === "COMPLETED");

    const context = await newContext(browser, weft.baseUrl);
    const p = await context.newPage();
    await p.goto("/namespaces/default/hooks");
    const list = p.getByRole("table", { name: "Webhooks" });
    const row = list.getByRole("row").filter({ hasText: "WEFT_EXAMPLE_HOOK_SECRET" });
    await expect(row.textContent()).resolves.toContain("signal approve to body /workflowId");
    await expectAccessible(p, "the webhooks list");

    await row.getByRole("link", { name: HOOK, exact: true }).click();
    await p.getByRole("heading", { name: HOOK, level: 1 }).waitFor();
    await p.getByText(`POST ${weft.baseUrl}/api/v1/namespaces/default/hooks/${HOOK}`, { exact: true }).waitFor();
    const deliveries = p.getByRole("table", { name: "Recent deliveries" });
    const mine = deliveries.getByRole("row").filter({ hasText: KEY });
    await mine.getByText("COMPLETED").waitFor({ timeout: 20_000 });
    const actionRun = mine.getByRole("link", { name: APPROVAL, exact: true });
    await actionRun.waitFor({ timeout: 20_000 });
    await expect(mine.textContent()).resolves.toContain(`signaled ${APPROVAL}`);
    // the forged delivery started nothing
    await expect(deliveries.getByRole("row").filter({ hasText: `${KEY}-forged` }).count()).resolves.toBe(0);
    await expectAccessible(p, "the hook page");

    await actionRun.click();
    await p.getByRole("heading", { name: APPROVAL, level: 1 }).waitFor();
    await p.getByText("COMPLETED", { exact: true }).first().waitFor();
    await context.close();
  });

  it("writes the screenshots of a hook page, light and dark", async () => {
    for (const theme of ["light", "dark"] as const) {
      const context = await newContext(browser, weft.baseUrl, { colorScheme: theme });
      const p = await context.newPage();
      await p.goto(`/namespaces/default/hooks/${HOOK}`);
      await p.getByRole("table", { name: "Recent deliveries" }).getByRole("link", { name: APPROVAL, exact: true }).waitFor();
      expect(await screenshot(p, `hook-${theme}`)).toMatchObject({ width: 1280, height: 800 });
      await context.close();
    }
  });
});
