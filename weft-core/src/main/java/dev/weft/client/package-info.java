/**
 * Starting and talking to workflows from outside: {@link dev.weft.client.WeftClient} starts runs,
 * and {@link dev.weft.client.WorkflowHandle} awaits, describes, signals, queries, cancels and
 * terminates them.
 *
 * <pre>{@code
 * OrderWorkflow order = client.newWorkflowStub(OrderWorkflow.class,
 *     WorkflowOptions.newBuilder().taskQueue("orders").workflowId("order-42").build());
 * WorkflowHandle<String> handle = client.start(order::process, new Order("42"));
 * String receipt = handle.getResult();
 * }</pre>
 */
package dev.weft.client;
