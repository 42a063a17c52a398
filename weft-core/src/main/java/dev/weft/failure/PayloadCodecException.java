package dev.weft.failure;

/**
 * A payload codec could not encode or decode a payload: for {@link
 * dev.weft.converter.AesGcmPayloadCodec}, a payload encrypted under a key ID the codec does not
 * have, data that fails authentication (tampered, truncated, or the wrong key under that ID), or a
 * key configuration that is not valid. The message names the key ID where there is one, never key
 * material.
 */
public final class PayloadCodecException extends WeftException {
  private final String keyId;

  /** Creates the exception; {@code keyId} is the key involved, or null. */
  public PayloadCodecException(String message, String keyId, Throwable cause) {
    super(message, cause);
    this.keyId = keyId;
  }

  /** Creates the exception; {@code keyId} is the key involved, or null. */
  public PayloadCodecException(String message, String keyId) {
    this(message, keyId, null);
  }

  /** Returns the key ID involved, or null. */
  public String keyId() {
    return keyId;
  }
}
