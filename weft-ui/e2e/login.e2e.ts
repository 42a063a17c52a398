import { afterAll, beforeAll, describe, expect, inject, it } from "vitest";
import type { Browser } from "playwright-core";
import { expectAccessible } from "./support/axe";
import { connectChromium, newContext } from "./support/browser";
import { screenshot } from "./support/screenshots";
import { WeftProcess } from "./support/weft";

interface CreatedToken {
  tokenId: string;
  token: string;
}

describe("login on a weft server --token-auth", () => {
  let weft: WeftProcess;
  let adminToken: string;
  let browser: Browser;

  beforeAll(async () => {
    ({ weft, adminToken } = await WeftProcess.tokenAuthServer());
    browser = await connectChromium(inject("chromiumWs"));
  });

  afterAll(async () => {
    await browser?.close();
    await weft?.close();
  });

  /** An operator token for the default namespace, made by the admin through the API. */
  async function createToken(name: string): Promise<CreatedToken> {
    const r = await fetch(`${weft.baseUrl}/api/v1/tokens`, {
      method: "POST",
      headers: { Authorization: `Bearer ${adminToken}`, "Content-Type": "application/json" },
      body: JSON.stringify({ name, role: "OPERATOR", namespaces: ["default"] }),
    });
    expect(r.status).toBe(201);
    return (await r.json()) as CreatedToken;
  }

  async function revokeToken(tokenId: string): Promise<void> {
    const r = await fetch(`${weft.baseUrl}/api/v1/tokens/${encodeURIComponent(tokenId)}/revoke`, {
      method: "POST",
      headers: { Authorization: `Bearer ${adminToken}` },
    });
    expect(r.status).toBe(200);
  }

  it("asks for a token, signs in with one, and a revoked token sends back to login", async () => {
    const operator = await createToken("e2e-operator");
    const context = await newContext(browser, weft.baseUrl);
    const page = await context.newPage();
    await page.goto("/");

    const login = page.getByRole("heading", { name: "Sign in to Weft" });
    await login.waitFor();
    await expectAccessible(page, "the login page");
    await page.getByLabel("API token").fill(operator.token);
    await page.getByRole("button", { name: "Sign in" }).click();

    await page.getByRole("heading", { name: "Workflows", level: 1 }).waitFor();
    await page.getByText(/runs loaded/).waitFor();
    await expect(login.count()).resolves.toBe(0);

    await revokeToken(operator.tokenId);
    // the list refreshes on its own; its next request is refused with 401
    await login.waitFor({ timeout: 30_000 });
    await expect(page.evaluate(() => sessionStorage.getItem("weft.token"))).resolves.toBeNull();
    await context.close();
  });

  it("keeps the login page for a token the server does not know", async () => {
    const context = await newContext(browser, weft.baseUrl);
    const page = await context.newPage();
    await page.goto("/namespaces/default/workflows");
    const login = page.getByRole("heading", { name: "Sign in to Weft" });
    await login.waitFor();

    await page.getByLabel("API token").fill("weft_not-a-real-token");
    const refused = page.waitForResponse((r) => r.url().includes("/api/v1/") && r.status() === 401);
    await page.getByRole("button", { name: "Sign in" }).click();

    // the page's requests with the unknown token are refused, so the login page comes back
    await refused;
    await login.waitFor();
    await expect(page.evaluate(() => sessionStorage.getItem("weft.token"))).resolves.toBeNull();
    await context.close();
  });

  it("writes the screenshots of the login page, light and dark", async () => {
    for (const theme of ["light", "dark"] as const) {
      const context = await newContext(browser, weft.baseUrl, { colorScheme: theme });
      const page = await context.newPage();
      await page.goto("/");
      await page.getByRole("heading", { name: "Sign in to Weft" }).waitFor();

      const png = await screenshot(page, `login-${theme}`);

      expect(png).toMatchObject({ width: 1280, height: 800 });
      await context.close();
    }
  });
});
