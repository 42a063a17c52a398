// Checks the Node.js version, then runs `npm ci` only when node_modules is missing or older than package-lock.json (npm ci rewrites
// node_modules/.package-lock.json, so its time says when node_modules was last installed); repeated
// Maven builds then skip the install.
import { statSync } from "node:fs";
import { spawnSync } from "node:child_process";

function mtime(path) {
  try {
    return statSync(path).mtimeMs;
  } catch {
    return -1;
  }
}

const major = Number(process.versions.node.split(".")[0]);
if (major < 20) {
  console.error(
    `weft-ui needs Node.js 20 or newer to build the web UI; this machine has ${process.version}.` +
      " Install a newer Node.js (https://nodejs.org), or build everything else without the UI:" +
      " -Dweft.ui.skip",
  );
  process.exit(1);
}

const installed = mtime("node_modules/.package-lock.json");
const lock = mtime("package-lock.json");
if (installed >= 0 && installed >= lock) {
  console.log("weft-ui: node_modules is up to date with package-lock.json; npm ci skipped");
  process.exit(0);
}
console.log("weft-ui: npm ci (node_modules is missing or older than package-lock.json)");
const npm = process.platform === "win32" ? "npm.cmd" : "npm";
const run = spawnSync(npm, ["ci", "--no-audit", "--no-fund"], { stdio: "inherit", shell: process.platform === "win32" });
process.exit(run.status ?? 1);
