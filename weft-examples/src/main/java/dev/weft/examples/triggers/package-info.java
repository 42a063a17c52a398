/**
 * The examples' triggers ({@link dev.weft.examples.triggers.ExampleTriggers}): a daily schedule
 * that materializes yesterday's trading partition, a sensor that ingests each new block of the fake
 * chain once, a sensor (created paused) that watches the chain's daily volume and reports each new
 * version of it, and a webhook that approves a waiting approval workflow.
 */
package dev.weft.examples.triggers;
