/**
 * Remote activity workers and task queues over HTTP: long-poll an activity task (or a batch of
 * them) from a queue, heartbeat, complete and fail it by task token (role WORKER); describe a
 * queue's backlog and pollers (READER), pause and resume it (OPERATOR). All under {@code
 * /api/v1/namespaces/{namespace}/}; the routes use the engine's public {@link
 * dev.weft.engine.RemoteActivities} hook, so a remote attempt has the leases, fencing and retries
 * of an in-process one.
 */
package dev.weft.server.api.activities;
