/**
 * The web UI: the single-page app of the {@code weft-ui} jar, served from the class path at {@code
 * /} next to the API.
 */
package dev.weft.server.ui;
