import { defineConfig } from "vitest/config";

// The browser tests (`npm run e2e`): each e2e/*.e2e.ts file starts a real Weft (java -jar
// weft.jar, WEFT_JAR) and drives Debian's Chromium through playwright-core. Files run one after
// another (each starts its own server and browser; the machine may have two cores), with timeouts
// that allow for a JVM start.
export default defineConfig({
  test: {
    include: ["e2e/**/*.e2e.ts"],
    environment: "node",
    fileParallelism: false,
    testTimeout: 90_000,
    hookTimeout: 180_000,
    teardownTimeout: 60_000,
    reporters: ["default"],
  },
});
