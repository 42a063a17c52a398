import { spawn, spawnSync, type ChildProcess } from "node:child_process";
import { mkdtempSync, rmSync } from "node:fs";
import { createServer } from "node:net";
import { tmpdir } from "node:os";
import { join, resolve } from "node:path";

/**
 * A real Weft process for the browser tests: `java -jar weft.jar dev` (or `server --token-auth`)
 * in a fresh temporary working directory, on a free port of 127.0.0.1. `start` returns once
 * `/api/v1/ready` answers 200; `stop` ends the process (SIGTERM, then SIGKILL) and `start` again
 * brings it back on the same port and data, which is how the server-down banner is tested.
 *
 * WEFT_JAR names the jar (default: ../weft-cli/target/weft.jar from weft-ui/), WEFT_JAVA the java
 * binary (default: $JAVA_HOME/bin/java, else `java` on the PATH; Weft needs Java 21+).
 */
export class WeftProcess {
  private child: ChildProcess | null = null;
  private output = "";
  private env: Record<string, string> = {};

  private constructor(
    readonly dir: string,
    readonly port: number,
    private readonly args: readonly string[],
  ) {}

  /**
   * `weft dev --port P` in a fresh directory, with `env` on top of this process's environment; its
   * store is ./weft-data, with the example runs.
   */
  static async dev(env: Record<string, string> = {}): Promise<WeftProcess> {
    const port = await freePort();
    const dir = mkdtempSync(join(tmpdir(), "weft-e2e-"));
    const weft = new WeftProcess(dir, port, ["dev", "--port", String(port)]);
    weft.setEnv(env);
    await weft.start();
    return weft;
  }

  /**
   * `weft server --token-auth` on a fresh SQLite file, and an admin token for every namespace made
   * the way an operator makes the first one: `weft token create --store weft.db` while no server
   * has the file open (a first start creates the file).
   */
  static async tokenAuthServer(): Promise<{ weft: WeftProcess; adminToken: string }> {
    const port = await freePort();
    const dir = mkdtempSync(join(tmpdir(), "weft-e2e-auth-"));
    const weft = new WeftProcess(dir, port, [
      "server",
      "--token-auth",
      "--store",
      "weft.db",
      "--port",
      String(port),
    ]);
    await weft.start();
    await weft.stop();
    const adminToken = weft.cli([
      "token",
      "create",
      "--store",
      "weft.db",
      "--name",
      "e2e-admin",
      "--role",
      "admin",
      "--namespaces",
      "*",
    ]);
    await weft.start();
    return { weft, adminToken };
  }

  /**
   * `weft server ARGS --port P` in `dir` (kept by `stop`, deleted by `close`): a server on a store
   * the caller prepared, e.g. the browser benchmark's seeded SQLite file.
   */
  static async server(dir: string, args: readonly string[]): Promise<WeftProcess> {
    const port = await freePort();
    const weft = new WeftProcess(dir, port, ["server", ...args, "--port", String(port)]);
    await weft.start();
    return weft;
  }

  get baseUrl(): string {
    return `http://127.0.0.1:${this.port}`;
  }

  /** Environment variables for the next `start` (on top of this process's own). */
  setEnv(env: Record<string, string>): void {
    this.env = { ...env };
  }

  /** Starts the process (again) and waits until `/api/v1/ready` answers 200. */
  async start(): Promise<void> {
    if (this.child !== null) throw new Error(`weft is already running on port ${this.port}`);
    this.output = "";
    const child = spawn(javaBinary(), ["-jar", weftJar(), ...this.args], {
      cwd: this.dir,
      env: { ...process.env, ...this.env },
      stdio: ["ignore", "pipe", "pipe"],
    });
    this.child = child;
    const keep = (chunk: Buffer) => {
      this.output = (this.output + chunk.toString()).slice(-20_000);
    };
    child.stdout?.on("data", keep);
    child.stderr?.on("data", keep);
    let exited: number | null = null;
    child.on("exit", (code) => {
      exited = code ?? -1;
    });
    const deadline = Date.now() + 90_000;
    while (Date.now() < deadline) {
      if (exited !== null) {
        this.child = null;
        throw new Error(`weft ${this.args.join(" ")} exited with ${exited}:\n${this.output}`);
      }
      if (await this.ready()) return;
      await delay(200);
    }
    await this.stop();
    throw new Error(`weft ${this.args.join(" ")} was not ready in 90 s:\n${this.output}`);
  }

  /** Whether `/api/v1/ready` answers 200 now. */
  async ready(): Promise<boolean> {
    try {
      const response = await fetch(`${this.baseUrl}/api/v1/ready`, {
        signal: AbortSignal.timeout(2_000),
      });
      return response.status === 200;
    } catch {
      return false;
    }
  }

  /** Stops the process and waits for it to exit (SIGKILL after 20 s); nothing when stopped. */
  async stop(): Promise<void> {
    const child = this.child;
    if (child === null) return;
    this.child = null;
    if (child.exitCode !== null || child.signalCode !== null) return;
    const exited = new Promise<void>((done) => child.once("exit", () => done()));
    child.kill("SIGTERM");
    const timer = setTimeout(() => child.kill("SIGKILL"), 20_000);
    await exited;
    clearTimeout(timer);
  }

  /** Stops the process and deletes its directory. */
  async close(): Promise<void> {
    await this.stop();
    rmSync(this.dir, { recursive: true, force: true });
  }

  /**
   * Runs `weft ARGS` (the CLI of the same jar) in this directory, pointed at this server through
   * WEFT_ADDRESS, and returns its standard output, trimmed; throws with its output when it fails.
   */
  cli(args: readonly string[], env: Record<string, string> = {}): string {
    return weftCli(this.baseUrl, this.dir, args, env);
  }

  /** The last output of the running (or last) process, for failure messages. */
  log(): string {
    return this.output;
  }
}

/**
 * Runs `weft ARGS` in `dir` against the server at `baseUrl` (WEFT_ADDRESS) and returns its standard
 * output, trimmed; throws with its output when it exits with anything but 0.
 */
export function weftCli(
  baseUrl: string,
  dir: string,
  args: readonly string[],
  env: Record<string, string> = {},
): string {
  const result = spawnSync(javaBinary(), ["-jar", weftJar(), ...args], {
    cwd: dir,
    env: { ...process.env, WEFT_ADDRESS: baseUrl, ...env },
    encoding: "utf8",
    timeout: 60_000,
  });
  if (result.status !== 0) {
    throw new Error(
      `weft ${args.join(" ")} exited with ${String(result.status)}:\n${result.stdout}${result.stderr}`,
    );
  }
  return result.stdout.trim();
}

/** The weft.jar the tests run: WEFT_JAR, else ../weft-cli/target/weft.jar from weft-ui/. */
export function weftJar(): string {
  return resolve(process.env.WEFT_JAR ?? "../weft-cli/target/weft.jar");
}

/** The java that runs weft.jar: WEFT_JAVA, else $JAVA_HOME/bin/java, else `java`. */
export function javaBinary(): string {
  if (process.env.WEFT_JAVA) return process.env.WEFT_JAVA;
  if (process.env.JAVA_HOME) return join(process.env.JAVA_HOME, "bin", "java");
  return "java";
}

/** A port that was free a moment ago on 127.0.0.1. */
function freePort(): Promise<number> {
  return new Promise((done, fail) => {
    const server = createServer();
    server.once("error", fail);
    server.listen(0, "127.0.0.1", () => {
      const address = server.address();
      const port = typeof address === "object" && address !== null ? address.port : 0;
      server.close(() => done(port));
    });
  });
}

export function delay(ms: number): Promise<void> {
  return new Promise((done) => setTimeout(done, ms));
}
