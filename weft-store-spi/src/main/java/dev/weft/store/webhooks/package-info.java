/**
 * Webhook definitions, kept by a store extension so that the HTTP server, which has no app code,
 * can read them: {@link dev.weft.store.webhooks.ReplaceWebhooks} writes the hooks an app defines,
 * {@link dev.weft.store.webhooks.StoredWebhooks} reads them (through {@link
 * dev.weft.store.Store#extension}). A hook's secret is never stored: only the name of the
 * environment variable that holds it. Deliveries are workflow runs, not rows of this extension.
 */
package dev.weft.store.webhooks;
