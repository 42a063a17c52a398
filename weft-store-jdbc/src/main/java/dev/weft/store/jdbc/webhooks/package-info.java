/**
 * The webhooks store extension ({@link dev.weft.store.jdbc.webhooks.WebhooksExtension}): the SQL
 * side of {@link dev.weft.store.webhooks}, the webhook definitions the HTTP server serves.
 */
package dev.weft.store.jdbc.webhooks;
