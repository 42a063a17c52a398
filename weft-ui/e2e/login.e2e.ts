import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Browser } from "playwright-core";
import { expectAccessible } from "./support/axe";
import { launchChromium, newContext } from "./support/browser";
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
    browser = await launchChromium();
  });

  afterAll(async () => {
    await browser?.close();
    await weft?.close();
  });

  /** `weft token create` through the API, as the admin. */
  function createToken(name: string): CreatedToken {
    const json = weft.cli(
      ["token", "create", "--name", name, "--role", "operator", "--namespaces", "default", "--output", "json"],
      { WEFT_TOKEN: adminToken },
    );
    return JSON.parse(json) as CreatedToken;
  }

  it("asks for a token, signs in with one, and a revoked token sends back to login", async () => {
    const operator = createToken("e2e-operator");
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

    weft.cli(["token", "revoke", operator.tokenId], { WEFT_TOKEN: adminToken });
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
