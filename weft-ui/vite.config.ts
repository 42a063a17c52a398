import { defineConfig } from "vitest/config";
import react from "@vitejs/plugin-react";

// The UI is served by weft-server from the weft-ui jar (built by Maven: pom.xml); in development
// (`npm run dev`) Vite
// proxies the API to a `weft dev` on its default port.
export default defineConfig({
  plugins: [react()],
  base: "/",
  // straight into the jar's classes: weft-server serves dev/weft/ui/ from the classpath
  build: { outDir: "target/classes/dev/weft/ui", emptyOutDir: true, sourcemap: true },
  server: { proxy: { "/api": "http://127.0.0.1:7070" } },
  test: {
    environment: "jsdom",
    globals: true,
    setupFiles: ["src/testing/setup.ts"],
    testTimeout: 20_000,
  },
});
