import { chromium } from "playwright-core";
import type { TestProject } from "vitest/node";
import { chromiumOptions } from "./browser";
import { WeftProcess } from "./weft";

/** The `weft dev` that the files which only read and act on the example runs share. */
export interface SharedWeftDev {
  baseUrl: string;
  dir: string;
}

declare module "vitest" {
  export interface ProvidedContext {
    weftDev: SharedWeftDev;
    /** The endpoint of the run's one Chromium (connectChromium). */
    chromiumWs: string;
  }
}

/**
 * Starts one `weft dev` and one headless Chromium for the whole run (a JVM start and a browser
 * launch are the slowest steps of a file) and stops both at the end, failed or not. Files that stop
 * the server or need another kind start their own server.
 */
export default async function setup(project: TestProject): Promise<() => Promise<void>> {
  const browser = await chromium.launchServer(chromiumOptions());
  let weft: WeftProcess;
  try {
    weft = await WeftProcess.dev();
  } catch (e) {
    await browser.close();
    throw e;
  }
  project.provide("chromiumWs", browser.wsEndpoint());
  project.provide("weftDev", { baseUrl: weft.baseUrl, dir: weft.dir });
  return async () => {
    await browser.close();
    await weft.close();
  };
}
