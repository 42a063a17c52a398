/**
 * The search attributes an engine knows and the conversions between code, history and store values.
 * Implements the runtime's {@code SearchAttributeIndexer}; uses {@code runtime} only.
 */
package dev.weft.internal.visibility;
