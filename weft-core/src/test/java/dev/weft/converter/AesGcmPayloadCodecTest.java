package dev.weft.converter;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.weft.failure.PayloadCodecException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.Base64;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** AES-GCM payload encryption: round trip, rotation, tampering, key IDs, key files. */
class AesGcmPayloadCodecTest {
  static final byte[] K1 = key(1, 32);
  static final byte[] K2 = key(2, 16);
  static final Payload SECRET = Payload.json("{\"card\":\"4111-1111-1111-1111\"}");

  static byte[] key(int seed, int length) {
    byte[] k = new byte[length];
    for (int i = 0; i < length; i++) {
      k[i] = (byte) (seed * 31 + i);
    }
    return k;
  }

  static AesGcmPayloadCodec onlyK1() {
    return AesGcmPayloadCodec.builder().key("k1", K1).activeKey("k1").build();
  }

  static AesGcmPayloadCodec rotated() {
    return AesGcmPayloadCodec.builder().key("k2", K2).activeKey("k2").key("k1", K1).build();
  }

  static boolean contains(byte[] haystack, String needle) {
    return new String(haystack, StandardCharsets.ISO_8859_1).contains(needle);
  }

  @Test
  void roundTripKeepsEncodingAndBytesAndHidesThePlaintext() {
    AesGcmPayloadCodec codec = onlyK1();

    Payload sealed = codec.encode(SECRET);

    assertThat(sealed.encoding()).isEqualTo(AesGcmPayloadCodec.ENCODING);
    assertThat(contains(sealed.data(), "4111")).isFalse();
    assertThat(contains(sealed.data(), "json")).isFalse();
    assertThat(sealed.data()[0]).isEqualTo((byte) 1);
    assertThat(new String(sealed.data(), 2, 2, StandardCharsets.UTF_8)).isEqualTo("k1");
    // 2 + key ID + nonce + (1 + "json" + data) + tag
    assertThat(sealed.size()).isEqualTo(2 + 2 + 12 + 1 + 4 + SECRET.size() + 16);
    assertThat(codec.decode(sealed)).isEqualTo(SECRET);
  }

  @Test
  void everyEncodingUsesAFreshNonce() {
    AesGcmPayloadCodec codec = onlyK1();

    Payload a = codec.encode(SECRET);
    Payload b = codec.encode(SECRET);

    assertThat(a.data()).isNotEqualTo(b.data());
    assertThat(codec.decode(a)).isEqualTo(codec.decode(b));
  }

  @Test
  void emptyDataAndOtherEncodingsRoundTrip() {
    AesGcmPayloadCodec codec = onlyK1();
    Payload empty = new Payload("binary/null", new byte[0]);

    assertThat(codec.decode(codec.encode(empty))).isEqualTo(empty);
  }

  @Test
  void afterRotationOldPayloadsDecryptAndNewOnesUseTheActiveKey() {
    Payload old = onlyK1().encode(SECRET);
    AesGcmPayloadCodec codec = rotated();

    Payload fresh = codec.encode(SECRET);

    assertThat(codec.activeKeyId()).isEqualTo("k2");
    assertThat(new String(fresh.data(), 2, 2, StandardCharsets.UTF_8)).isEqualTo("k2");
    assertThat(codec.decode(old)).isEqualTo(SECRET);
    assertThat(codec.decode(fresh)).isEqualTo(SECRET);
  }

  @Test
  void aPayloadUnderAnUnknownKeyIdIsAnErrorNamingIt() {
    Payload underK2 = rotated().encode(SECRET);

    assertThatThrownBy(() -> onlyK1().decode(underK2))
        .isInstanceOf(PayloadCodecException.class)
        .hasMessageContaining("key 'k2'")
        .hasMessageContaining("configured: [k1]")
        .satisfies(e -> assertThat(((PayloadCodecException) e).keyId()).isEqualTo("k2"));
  }

  @Test
  void tamperedCiphertextNonceOrKeyIdFailsAuthentication() {
    AesGcmPayloadCodec codec = rotated();
    Payload sealed = codec.encode(SECRET);
    int last = sealed.size() - 1;
    for (int at : new int[] {last, last - 20, 2 + 2 + 3, 2 + 2 + 12}) {
      byte[] bad = sealed.data().clone();
      bad[at] ^= 0x01;
      assertThatThrownBy(() -> codec.decode(new Payload(sealed.encoding(), bad)))
          .as("byte %d flipped", at)
          .isInstanceOf(PayloadCodecException.class)
          .hasMessageContaining("fails authentication");
    }
    // the same key bytes under another ID: the ID is authenticated too
    byte[] renamed = sealed.data().clone();
    renamed[3] = '1';
    AesGcmPayloadCodec sameBytes =
        AesGcmPayloadCodec.builder().key("k1", K2).activeKey("k1").build();
    assertThatThrownBy(() -> sameBytes.decode(new Payload(sealed.encoding(), renamed)))
        .isInstanceOf(PayloadCodecException.class)
        .hasMessageContaining("fails authentication");
    assertThatThrownBy(
            () -> codec.decode(new Payload(sealed.encoding(), Arrays.copyOf(sealed.data(), 20))))
        .isInstanceOf(PayloadCodecException.class)
        .hasMessageContaining("truncated");
  }

  @Test
  void payloadsOfOtherEncodingsPassThroughDecode() {
    assertThat(onlyK1().decode(SECRET)).isSameAs(SECRET);
  }

  @Test
  void badKeysAndMissingActiveKeyAreRefused() {
    assertThatThrownBy(() -> AesGcmPayloadCodec.builder().key("k1", new byte[15]))
        .isInstanceOf(PayloadCodecException.class)
        .hasMessageContaining("key 'k1' has 15 bytes");
    assertThatThrownBy(() -> AesGcmPayloadCodec.builder().key("bad id", K1))
        .isInstanceOf(PayloadCodecException.class)
        .hasMessageContaining("key ID 'bad id' is not valid");
    assertThatThrownBy(() -> AesGcmPayloadCodec.builder().key("k1", K1).key("k1", K2))
        .hasMessageContaining("added twice");
    assertThatThrownBy(() -> AesGcmPayloadCodec.builder().key("k1", K1).build())
        .hasMessageContaining("no active key");
    assertThatThrownBy(() -> AesGcmPayloadCodec.builder().key("k1", K1).activeKey("k9").build())
        .hasMessageContaining("active key 'k9' is not among the keys added ([k1])");
  }

  @Test
  void keysFromAFileDecryptWhatTheBuilderEncrypted(@TempDir Path dir) throws Exception {
    Path file = dir.resolve("payload.keys");
    Files.writeString(
        file,
        "# weft payload keys\n"
            + "active=k2\n"
            + "k2="
            + Base64.getEncoder().encodeToString(K2)
            + "\n\n"
            + "k1 = "
            + Base64.getEncoder().encodeToString(K1)
            + "\n");

    AesGcmPayloadCodec fromFile = AesGcmPayloadCodec.fromKeyFile(file);

    assertThat(fromFile.activeKeyId()).isEqualTo("k2");
    assertThat(fromFile.decode(onlyK1().encode(SECRET))).isEqualTo(SECRET);
    assertThat(rotated().decode(fromFile.encode(SECRET))).isEqualTo(SECRET);
    AesGcmPayloadCodec fromSpec =
        AesGcmPayloadCodec.fromKeySpec("active=k1;k1=" + Base64.getEncoder().encodeToString(K1));
    assertThat(fromSpec.decode(onlyK1().encode(SECRET))).isEqualTo(SECRET);
  }

  @Test
  void badKeySpecsNameTheEntryAndNeverTheKey(@TempDir Path dir) {
    String k1 = Base64.getEncoder().encodeToString(K1);
    String shortKey = Base64.getEncoder().encodeToString(new byte[10]);
    assertThatThrownBy(() -> AesGcmPayloadCodec.fromKeySpec("active=k1\nk1=" + shortKey))
        .isInstanceOf(PayloadCodecException.class)
        .hasMessageContaining("entry 2")
        .hasMessageContaining("key 'k1' has 10 bytes")
        .hasMessageNotContaining(shortKey);
    assertThatThrownBy(() -> AesGcmPayloadCodec.fromKeySpec("active=k1\nk1=%%%" + k1))
        .hasMessageContaining("entry 2: key 'k1' is not base64")
        .hasMessageNotContaining(k1);
    assertThatThrownBy(() -> AesGcmPayloadCodec.fromKeySpec("k1=" + k1))
        .hasMessageContaining("no active key");
    assertThatThrownBy(() -> AesGcmPayloadCodec.fromKeySpec("active=k1\n" + k1))
        .hasMessageContaining("entry 2: expected <key ID>=<base64 key>")
        .hasMessageNotContaining(k1.substring(0, 20));
    assertThatThrownBy(() -> AesGcmPayloadCodec.fromKeySpec(" ")).hasMessageContaining("is empty");
    assertThatThrownBy(() -> AesGcmPayloadCodec.fromKeyFile(dir.resolve("missing.keys")))
        .isInstanceOf(PayloadCodecException.class)
        .hasMessageContaining("cannot read the payload key file");
  }
}
