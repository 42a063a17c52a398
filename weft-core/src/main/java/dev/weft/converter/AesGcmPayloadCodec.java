package dev.weft.converter;

import dev.weft.failure.PayloadCodecException;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.SecureRandom;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
import java.util.regex.Pattern;
import javax.crypto.AEADBadTagException;
import javax.crypto.Cipher;
import javax.crypto.SecretKey;
import javax.crypto.spec.GCMParameterSpec;
import javax.crypto.spec.SecretKeySpec;

/**
 * Encrypts payloads at rest with AES-GCM under named keys, so that the store (and a dump of it)
 * holds no plaintext of workflow and activity arguments, results, signals, queries' inputs,
 * heartbeat details or memos, and keys can rotate: new payloads are encrypted with the active key,
 * and each payload names the key it was encrypted with, so payloads written under an older key keep
 * decrypting as long as that key is configured.
 *
 * <pre>{@code
 * PayloadCodec codec =
 *     AesGcmPayloadCodec.builder()
 *         .key("k2", newKeyBytes) // 16, 24 or 32 bytes: AES-128, -192, -256
 *         .activeKey("k2")
 *         .key("k1", oldKeyBytes) // still decrypts what k1 encrypted
 *         .build();
 * WeftEngine engine = WeftEngine.builder().store(store).payloadCodec(codec).build();
 * }</pre>
 *
 * <p>An encrypted payload has the encoding {@value #ENCODING} and the data {@code [1: format
 * version 1][1: key ID length n][n: key ID, UTF-8][12: random nonce][AES-GCM ciphertext and 16-byte
 * tag]}; the plaintext is {@code [1: length m][m: the inner payload's encoding][the inner payload's
 * data]}, and the version and key ID bytes are authenticated as associated data, so changing any
 * byte fails decryption. A payload with another encoding is returned as it is by {@link #decode}
 * (payloads written before encryption was turned on keep decoding).
 *
 * <p>Keys can also come from a file or a string ({@link #fromKeyFile}, {@link #fromKeySpec}). With
 * random 96-bit nonces, rotate a key before it has encrypted about 2^32 payloads.
 *
 * <p>Immutable and thread-safe.
 */
public final class AesGcmPayloadCodec implements PayloadCodec {
  /** The encoding of an encrypted payload (as in Temporal's encryption samples). */
  public static final String ENCODING = "binary/encrypted";

  static final Pattern KEY_ID = Pattern.compile("[A-Za-z0-9._-]{1,64}");
  private static final byte VERSION = 1;
  private static final int NONCE_BYTES = 12;
  private static final int TAG_BITS = 128;
  private static final SecureRandom RANDOM = new SecureRandom();

  private final Map<String, SecretKey> keys;
  private final String activeKeyId;
  private final byte[] activeHeader;

  private AesGcmPayloadCodec(Map<String, SecretKey> keys, String activeKeyId) {
    this.keys = Map.copyOf(keys);
    this.activeKeyId = activeKeyId;
    this.activeHeader = header(activeKeyId);
  }

  /** Returns a builder: add keys, name the active one, build. */
  public static Builder builder() {
    return new Builder();
  }

  /**
   * Reads the keys from a file in the {@link #fromKeySpec key spec format}, one entry per line.
   *
   * @throws PayloadCodecException if the file cannot be read or is not valid (the message names the
   *     file and line, never a key)
   */
  public static AesGcmPayloadCodec fromKeyFile(Path file) {
    return PayloadKeys.fromFile(file);
  }

  /**
   * Reads the keys from text: entries separated by new lines or {@code ;}, each {@code <key
   * ID>=<key, base64>} or {@code active=<key ID>} (exactly one); blank entries and lines starting
   * with {@code #} are ignored. Key IDs are 1 to 64 of {@code A-Z a-z 0-9 . _ -}; {@code active} is
   * not a key ID. For a file, or an environment variable such as {@code WEFT_PAYLOAD_KEYS}:
   *
   * <pre>{@code
   * # weft payload keys: new payloads use the active key; old ones name theirs
   * active=k2
   * k2=q1Zb0t1rN0X3XH3mU0m6c1kq9Qk7dW6y6cGZtq0yZ0k=
   * k1=Zm9vYmFyYmF6cXV4Zm9vYmFyYmF6cXV4Zm9vYmFyYmE=
   * }</pre>
   *
   * @throws PayloadCodecException if the text is not valid, naming the entry (by number and key ID,
   *     never the key)
   */
  public static AesGcmPayloadCodec fromKeySpec(String spec) {
    return PayloadKeys.parse(spec, "key spec");
  }

  /** Returns the ID of the key new payloads are encrypted with. */
  public String activeKeyId() {
    return activeKeyId;
  }

  @Override
  public Payload encode(Payload payload) {
    byte[] encoding = payload.encoding().getBytes(StandardCharsets.UTF_8);
    if (encoding.length > 255) {
      throw new PayloadCodecException(
          "payload encoding is longer than 255 bytes: " + payload.encoding(), activeKeyId);
    }
    byte[] nonce = new byte[NONCE_BYTES];
    RANDOM.nextBytes(nonce);
    byte[] plain = new byte[1 + encoding.length + payload.data().length];
    plain[0] = (byte) encoding.length;
    System.arraycopy(encoding, 0, plain, 1, encoding.length);
    System.arraycopy(payload.data(), 0, plain, 1 + encoding.length, payload.data().length);
    try {
      Cipher cipher = Cipher.getInstance("AES/GCM/NoPadding");
      cipher.init(
          Cipher.ENCRYPT_MODE, keys.get(activeKeyId), new GCMParameterSpec(TAG_BITS, nonce));
      cipher.updateAAD(activeHeader);
      byte[] sealed = cipher.doFinal(plain);
      ByteBuffer out = ByteBuffer.allocate(activeHeader.length + NONCE_BYTES + sealed.length);
      out.put(activeHeader).put(nonce).put(sealed);
      return new Payload(ENCODING, out.array());
    } catch (GeneralSecurityException e) {
      throw new PayloadCodecException(
          "cannot encrypt a payload with key '" + activeKeyId + "': " + e.getMessage(),
          activeKeyId,
          e);
    }
  }

  /**
   * Decrypts a payload with the key it names; returns a payload of another encoding as it is.
   *
   * @throws PayloadCodecException if the payload names a key this codec does not have (the message
   *     names it and the configured ones), or its data is truncated or fails authentication
   */
  @Override
  public Payload decode(Payload payload) {
    if (!ENCODING.equals(payload.encoding())) {
      return payload;
    }
    byte[] data = payload.data();
    if (data.length < 2 || data[0] != VERSION) {
      throw new PayloadCodecException(
          "encrypted payload has an unknown format"
              + (data.length == 0 ? " (no data)" : " (version " + data[0] + ", expected 1)"),
          null);
    }
    int idLength = data[1] & 0xff;
    int headerLength = 2 + idLength;
    if (idLength == 0 || data.length < headerLength + NONCE_BYTES + TAG_BITS / 8 + 1) {
      throw new PayloadCodecException(
          "encrypted payload is truncated (" + data.length + " bytes)", null);
    }
    String keyId = new String(data, 2, idLength, StandardCharsets.UTF_8);
    SecretKey key = keys.get(keyId);
    if (key == null) {
      throw new PayloadCodecException(
          "payload was encrypted with key '"
              + keyId
              + "', which this codec does not have (configured: "
              + keys.keySet().stream().sorted().toList()
              + "); add that key to decrypt it",
          keyId);
    }
    byte[] plain;
    try {
      Cipher cipher = Cipher.getInstance("AES/GCM/NoPadding");
      cipher.init(
          Cipher.DECRYPT_MODE,
          key,
          new GCMParameterSpec(TAG_BITS, data, headerLength, NONCE_BYTES));
      cipher.updateAAD(data, 0, headerLength);
      plain =
          cipher.doFinal(
              data, headerLength + NONCE_BYTES, data.length - headerLength - NONCE_BYTES);
    } catch (AEADBadTagException e) {
      throw new PayloadCodecException(
          "encrypted payload under key '"
              + keyId
              + "' fails authentication: it was changed, or key '"
              + keyId
              + "' is not the key it was encrypted with",
          keyId,
          e);
    } catch (GeneralSecurityException e) {
      throw new PayloadCodecException(
          "cannot decrypt a payload with key '" + keyId + "': " + e.getMessage(), keyId, e);
    }
    int encodingLength = plain[0] & 0xff;
    if (plain.length < 1 + encodingLength) {
      throw new PayloadCodecException(
          "decrypted payload under key '" + keyId + "' is malformed", keyId);
    }
    String encoding = new String(plain, 1, encodingLength, StandardCharsets.UTF_8);
    return new Payload(encoding, Arrays.copyOfRange(plain, 1 + encodingLength, plain.length));
  }

  private static byte[] header(String keyId) {
    byte[] id = keyId.getBytes(StandardCharsets.UTF_8);
    byte[] header = new byte[2 + id.length];
    header[0] = VERSION;
    header[1] = (byte) id.length;
    System.arraycopy(id, 0, header, 2, id.length);
    return header;
  }

  @Override
  public String toString() {
    return "AesGcmPayloadCodec[active=" + activeKeyId + ", keys=" + keys.keySet() + "]";
  }

  /** Collects keys and the active key ID. Not thread-safe; the codec it builds is. */
  public static final class Builder {
    private final Map<String, SecretKey> keys = new LinkedHashMap<>();
    private String activeKeyId;

    private Builder() {}

    /**
     * Adds a key (the bytes are copied).
     *
     * @param keyId 1 to 64 of {@code A-Z a-z 0-9 . _ -}; stored in every payload it encrypts
     * @param key 16, 24 or 32 bytes (AES-128, AES-192, AES-256)
     * @throws PayloadCodecException if the ID is not valid or added already, or the key has another
     *     length
     */
    public Builder key(String keyId, byte[] key) {
      Objects.requireNonNull(keyId, "keyId");
      Objects.requireNonNull(key, "key");
      if (!KEY_ID.matcher(keyId).matches()) {
        throw new PayloadCodecException(
            "key ID '" + keyId + "' is not valid: expected 1 to 64 of A-Z a-z 0-9 . _ -", keyId);
      }
      if (key.length != 16 && key.length != 24 && key.length != 32) {
        throw new PayloadCodecException(
            "key '" + keyId + "' has " + key.length + " bytes; AES keys have 16, 24 or 32 bytes",
            keyId);
      }
      if (keys.containsKey(keyId)) {
        throw new PayloadCodecException("key '" + keyId + "' is added twice", keyId);
      }
      keys.put(keyId, new SecretKeySpec(key.clone(), "AES"));
      return this;
    }

    /** Names the key new payloads are encrypted with (added before or after). */
    public Builder activeKey(String keyId) {
      this.activeKeyId = Objects.requireNonNull(keyId, "keyId");
      return this;
    }

    /**
     * Returns the codec.
     *
     * @throws PayloadCodecException if no active key is named, or it was not added
     */
    public AesGcmPayloadCodec build() {
      if (activeKeyId == null) {
        throw new PayloadCodecException(
            "no active key: name the key new payloads are encrypted with (activeKey)", null);
      }
      if (!keys.containsKey(activeKeyId)) {
        throw new PayloadCodecException(
            "active key '" + activeKeyId + "' is not among the keys added (" + keys.keySet() + ")",
            activeKeyId);
      }
      return new AesGcmPayloadCodec(keys, activeKeyId);
    }
  }
}
