/**
 * The update-outcomes store extension ({@link
 * dev.weft.store.jdbc.updates.UpdateOutcomesExtension}): the SQL side of {@link
 * dev.weft.store.updates}, and the example of a feature built on {@link
 * dev.weft.store.jdbc.JdbcExtension} rather than into the core store.
 */
package dev.weft.store.jdbc.updates;
