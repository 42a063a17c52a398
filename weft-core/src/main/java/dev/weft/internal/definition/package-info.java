/**
 * Bottom layer: workflow and activity interfaces read by reflection (types, signal, update and
 * query methods). Depends on no other {@code internal} package.
 */
package dev.weft.internal.definition;
