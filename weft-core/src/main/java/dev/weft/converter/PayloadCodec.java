package dev.weft.converter;

/**
 * Transforms payload bytes after serialization and before deserialization: compression, encryption
 * at rest. The store only ever sees encoded bytes. Implementations are thread-safe.
 */
public interface PayloadCodec {

  /** Encodes a serialized payload (compress, encrypt); the result's encoding names the codec. */
  Payload encode(Payload payload);

  /** Reverses {@link #encode}. */
  Payload decode(Payload payload);
}
