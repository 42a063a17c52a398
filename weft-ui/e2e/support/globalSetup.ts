import type { TestProject } from "vitest/node";
import { WeftProcess } from "./weft";

/** The `weft dev` that the files which only read and act on the example runs share. */
export interface SharedWeftDev {
  baseUrl: string;
  dir: string;
}

declare module "vitest" {
  export interface ProvidedContext {
    weftDev: SharedWeftDev;
  }
}

/**
 * Starts one `weft dev` for the whole run (a JVM start is the slowest step of a file) and stops it
 * at the end, failed or not. Files that stop the server or need another kind start their own.
 */
export default async function setup(project: TestProject): Promise<() => Promise<void>> {
  const weft = await WeftProcess.dev();
  project.provide("weftDev", { baseUrl: weft.baseUrl, dir: weft.dir });
  return () => weft.close();
}
