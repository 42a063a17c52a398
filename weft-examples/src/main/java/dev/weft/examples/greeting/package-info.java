/**
 * A greeting whose activity runs in another process and another language: {@link
 * dev.weft.examples.greeting.GreetingWorkflow} runs in the engine, its activity {@code
 * FormatGreeting} on the task queue {@value
 * dev.weft.examples.greeting.GreetingWorkflow#REMOTE_QUEUE}, which no in-process worker serves;
 * {@code examples/python-worker} and {@code examples/node-worker} poll that queue over the HTTP API
 * and complete it.
 */
package dev.weft.examples.greeting;
