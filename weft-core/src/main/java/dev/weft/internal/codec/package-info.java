/**
 * Bottom layer: bytes and values. History events, the engine's records and activity specs as the
 * store keeps them; payloads through the data converter and codec; failures as history records
 * them. Depends on no other {@code internal} package.
 */
package dev.weft.internal.codec;
