/**
 * How values become bytes and back: a {@link dev.weft.converter.DataConverter} (JSON with Jackson
 * by default) turns workflow and activity arguments and results into {@link
 * dev.weft.converter.Payload}s, and an optional {@link dev.weft.converter.PayloadCodec} transforms
 * the bytes (compression, encryption at rest).
 */
package dev.weft.converter;
