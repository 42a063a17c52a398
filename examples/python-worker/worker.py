#!/usr/bin/env python3
"""A Weft remote activity worker in plain Python 3 (standard library only).

Polls the task queue `greetings-remote` over Weft's HTTP API and runs the activity
`FormatGreeting` of the example workflow `GreetingWorkflow` (weft-examples).
"""
import argparse
import json
import os
import socket
import sys
import urllib.error
import urllib.parse
import urllib.request

GREETINGS = {"en": "Hello, {}", "fr": "Bonjour, {}", "es": "Hola, {}", "de": "Hallo, {}"}


class LeaseLost(Exception):
    """The attempt timed out or was cancelled: stop working on it."""


class Api:
    def __init__(self, address, namespace, token):
        self.base = address.rstrip("/") + "/api/v1/namespaces/" + urllib.parse.quote(namespace, safe="")
        self.token = token

    def post(self, path, body):
        data = None if body is None else json.dumps(body).encode("utf-8")
        request = urllib.request.Request(self.base + path, data=data, method="POST")
        request.add_header("Content-Type", "application/json")
        if self.token:
            request.add_header("Authorization", "Bearer " + self.token)
        try:
            with urllib.request.urlopen(request, timeout=60) as response:
                text = response.read().decode("utf-8")
                return response.status, json.loads(text) if text else None
        except urllib.error.HTTPError as e:
            problem = json.loads(e.read().decode("utf-8") or "{}")
            if e.code == 409:
                raise LeaseLost(problem.get("detail", "lease lost"))
            raise RuntimeError("HTTP %d: %s" % (e.code, problem.get("detail", problem)))

    def poll(self, task_queue, identity, wait):
        path = "/task-queues/" + urllib.parse.quote(task_queue, safe="") + "/activity-tasks/poll"
        body = {"identity": identity, "activityTypes": ["FormatGreeting"], "wait": wait}
        status, task = self.post(path, body)
        return task if status == 200 else None

    def report(self, token, what, body):
        return self.post("/activity-tasks/" + token + "/" + what, body)[1]


def format_greeting(name, language):
    template = GREETINGS.get(language)
    if template is None:
        raise KeyError(language)
    return template.format(name)


def run(api, task):
    token = task["taskToken"]
    name, language = task["input"]
    answer = api.report(token, "heartbeat", {"details": {"step": "formatting"}})
    if answer["cancelRequested"]:
        api.report(token, "canceled", None)
        print("cancelled %s" % task["workflowId"], flush=True)
        return
    try:
        greeting = format_greeting(name, language)
    except KeyError:
        api.report(token, "fail", {"type": "UnknownLanguage", "message": "no greeting in " + language,
                                   "details": {"known": sorted(GREETINGS)}, "nonRetryable": True})
        print("failed %s: unknown language %s" % (task["workflowId"], language), flush=True)
        return
    api.report(token, "complete", {"result": greeting})
    print("completed %s attempt %d: %s" % (task["workflowId"], task["attempt"], greeting), flush=True)


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--address", default=os.environ.get("WEFT_ADDRESS", "http://127.0.0.1:7070"))
    parser.add_argument("--namespace", default=os.environ.get("WEFT_NAMESPACE", "default"))
    parser.add_argument("--token", default=os.environ.get("WEFT_TOKEN"))
    parser.add_argument("--task-queue", default="greetings-remote")
    parser.add_argument("--identity", default="python-worker@" + socket.gethostname())
    parser.add_argument("--wait", default="PT20S", help="the longest a poll waits (ISO-8601)")
    parser.add_argument("--once", action="store_true", help="exit after one task")
    args = parser.parse_args()
    api = Api(args.address, args.namespace, args.token)
    print("polling %s on %s" % (args.task_queue, args.address), flush=True)
    while True:
        task = api.poll(args.task_queue, args.identity, args.wait)
        if task is None:
            continue
        try:
            run(api, task)
        except LeaseLost as e:
            print("dropped a task: " + str(e), flush=True)
        if args.once:
            return 0


if __name__ == "__main__":
    try:
        sys.exit(main())
    except KeyboardInterrupt:
        sys.exit(130)
