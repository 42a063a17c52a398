import { defineConfig } from "vitest/config";

// The browser tests (`npm run e2e`): e2e/*.e2e.ts drive Debian's Chromium through playwright-core
// against a real Weft (java -jar weft.jar, WEFT_JAR): one shared `weft dev`, and the files that
// stop it or need `weft server --token-auth` start their own. Files run one after another (each
// launches its browser; the machine may have two cores), with timeouts that allow for a JVM start.
export default defineConfig({
  test: {
    include: ["e2e/**/*.e2e.ts"],
    // one weft dev for the files that share it (inject("weftDev")); stopped at the end
    globalSetup: ["e2e/support/globalSetup.ts"],
    environment: "node",
    fileParallelism: false,
    testTimeout: 90_000,
    hookTimeout: 180_000,
    teardownTimeout: 60_000,
    reporters: ["default"],
  },
});
