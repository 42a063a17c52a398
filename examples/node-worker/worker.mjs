#!/usr/bin/env node
// A Weft remote activity worker in Node 20 (no dependencies): polls the task queue
// `greetings-remote` over Weft's HTTP API and runs the activity `FormatGreeting` of the example
// workflow `GreetingWorkflow` (weft-examples).
import { hostname } from "node:os";
import { parseArgs } from "node:util";

const GREETINGS = { en: "Hello, ", fr: "Bonjour, ", es: "Hola, ", de: "Hallo, " };

class LeaseLost extends Error {}

const { values: args } = parseArgs({
  options: {
    address: { type: "string", default: process.env.WEFT_ADDRESS ?? "http://127.0.0.1:7070" },
    namespace: { type: "string", default: process.env.WEFT_NAMESPACE ?? "default" },
    token: { type: "string", default: process.env.WEFT_TOKEN ?? "" },
    "task-queue": { type: "string", default: "greetings-remote" },
    identity: { type: "string", default: `node-worker@${hostname()}` },
    wait: { type: "string", default: "PT20S" },
    once: { type: "boolean", default: false },
  },
});

const base = `${args.address.replace(/\/$/, "")}/api/v1/namespaces/${encodeURIComponent(args.namespace)}`;

async function post(path, body) {
  const headers = { "Content-Type": "application/json" };
  if (args.token) headers.Authorization = `Bearer ${args.token}`;
  const init = { method: "POST", headers };
  if (body !== undefined) init.body = JSON.stringify(body);
  const response = await fetch(base + path, init);
  const text = await response.text();
  const json = text ? JSON.parse(text) : null;
  if (response.status === 409) throw new LeaseLost(json?.detail ?? "lease lost");
  if (response.status >= 400) throw new Error(`HTTP ${response.status}: ${json?.detail ?? text}`);
  return { status: response.status, body: json };
}

async function poll() {
  const path = `/task-queues/${encodeURIComponent(args["task-queue"])}/activity-tasks/poll`;
  const body = { identity: args.identity, activityTypes: ["FormatGreeting"], wait: args.wait };
  const { status, body: task } = await post(path, body);
  return status === 200 ? task : null;
}

const report = async (token, what, body) => (await post(`/activity-tasks/${token}/${what}`, body)).body;

async function run(task) {
  const [name, language] = task.input;
  const answer = await report(task.taskToken, "heartbeat", { details: { step: "formatting" } });
  if (answer.cancelRequested) {
    await report(task.taskToken, "canceled");
    console.log(`cancelled ${task.workflowId}`);
    return;
  }
  if (!(language in GREETINGS)) {
    await report(task.taskToken, "fail", {
      type: "UnknownLanguage", message: `no greeting in ${language}`,
      details: { known: Object.keys(GREETINGS).sort() }, nonRetryable: true,
    });
    console.log(`failed ${task.workflowId}: unknown language ${language}`);
    return;
  }
  const greeting = GREETINGS[language] + name;
  await report(task.taskToken, "complete", { result: greeting });
  console.log(`completed ${task.workflowId} attempt ${task.attempt}: ${greeting}`);
}

console.log(`polling ${args["task-queue"]} on ${args.address}`);
for (;;) {
  const task = await poll();
  if (!task) continue;
  try {
    await run(task);
  } catch (e) {
    if (!(e instanceof LeaseLost)) throw e;
    console.log(`dropped a task: ${e.message}`);
  }
  if (args.once) break;
}
