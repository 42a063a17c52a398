import { defineConfig } from "vitest/config";
import react from "@vitejs/plugin-react";

// The UI is served by weft-server from the weft-ui jar; in development (`npm run dev`) Vite
// proxies the API to a `weft dev` on its default port.
export default defineConfig({
  plugins: [react()],
  base: "/",
  build: { outDir: "dist", sourcemap: true },
  server: { proxy: { "/api": "http://127.0.0.1:7070" } },
  test: { environment: "jsdom", globals: true },
});
