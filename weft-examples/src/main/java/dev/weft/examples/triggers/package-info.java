/**
 * The examples' triggers ({@link dev.weft.examples.triggers.ExampleTriggers}): a daily schedule
 * that materializes yesterday's trading partition, a sensor that ingests each new block of the fake
 * chain once, a sensor that reports each new daily volume of the chain (it watches the asset), and
 * a webhook that approves a waiting approval workflow.
 */
package dev.weft.examples.triggers;
