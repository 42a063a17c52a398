// `npm run bench`: runs the browser benchmark (bench/main.ts) through Vite's module runner, which
// loads the TypeScript (ours and the e2e harness it shares) without a build step; the JSON document
// goes to standard output, progress to standard error.
import { fileURLToPath } from "node:url";
import { runnerImport } from "vite";

const main = fileURLToPath(new URL("./main.ts", import.meta.url));
const { module } = await runnerImport(main, { configFile: false, logLevel: "error" });
process.exitCode = await module.main(process.argv.slice(2));
