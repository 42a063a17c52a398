package dev.weft.engine;

import dev.weft.server.testsupport.HttpClients;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * {@link FlowControlTest} with the client over HTTP against a real server, on both stores (the test
 * names its store): pauses of queues and activity types, rate and fairness key limits, and the
 * flow-control read go through the task queue routes.
 */
@ExtendWith(HttpClients.OnSqlite.class)
class FlowControlOverHttpTest extends FlowControlTest {}
