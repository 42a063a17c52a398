/**
 * Webhooks over HTTP: a signed {@code POST} runs a hook's action ({@link
 * dev.weft.server.api.hooks.HookRoutes}); the definitions come from the store's webhooks extension,
 * written by the apps that define the hooks, so the server needs no app code.
 */
package dev.weft.server.api.hooks;
