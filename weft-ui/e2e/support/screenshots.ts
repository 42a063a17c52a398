import { mkdirSync, readFileSync } from "node:fs";
import { resolve } from "node:path";
import type { Page } from "playwright-core";

/**
 * Where the screenshots of the main pages go: the repository's docs/screenshots when the tests run
 * by hand (`npm run e2e` in weft-ui/), weft-e2e/target/screenshots in a Maven build (which sets
 * WEFT_SCREENSHOT_DIR), so that a build never changes committed files.
 */
export const SCREENSHOT_DIR = resolve(process.env.WEFT_SCREENSHOT_DIR ?? "../docs/screenshots");

/** A PNG's size, read back from the file's IHDR chunk. */
export interface PngSize {
  path: string;
  width: number;
  height: number;
}

/** Saves the page as `docs/screenshots/NAME.png` at the context's viewport and reads its size back. */
export async function screenshot(page: Page, name: string): Promise<PngSize> {
  mkdirSync(SCREENSHOT_DIR, { recursive: true });
  const path = resolve(SCREENSHOT_DIR, `${name}.png`);
  await page.screenshot({ path, fullPage: false, animations: "disabled" });
  const png = readFileSync(path);
  if (png.toString("latin1", 1, 4) !== "PNG") throw new Error(`${path} is not a PNG`);
  return { path, width: png.readUInt32BE(16), height: png.readUInt32BE(20) };
}
