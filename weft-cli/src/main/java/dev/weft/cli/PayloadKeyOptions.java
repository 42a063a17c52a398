package dev.weft.cli;

import dev.weft.converter.AesGcmPayloadCodec;
import dev.weft.converter.PayloadCodec;
import java.nio.file.Path;
import picocli.CommandLine.Option;

/**
 * {@code --payload-keys FILE} or {@code WEFT_PAYLOAD_KEYS}: the AES-GCM keys that encrypt every
 * payload (arguments, results, signals, heartbeat details) before it reaches the store. A picocli
 * mixin of {@code weft server}.
 *
 * <p>The file (or the variable, entries separated by {@code ;}) names the active key and every key
 * still needed to read old payloads:
 *
 * <pre>
 * active=k2
 * k2=&lt;base64 of 16, 24 or 32 bytes, e.g. from: openssl rand -base64 32&gt;
 * k1=&lt;base64&gt;
 * </pre>
 */
final class PayloadKeyOptions {
  @Option(
      names = "--payload-keys",
      paramLabel = "FILE",
      description = {
        "encrypt payloads at rest with AES-GCM, keys from FILE (lines: active=ID, ID=<base64 key>);"
            + " or set WEFT_PAYLOAD_KEYS to the same entries separated by ';'.",
        "Old keys stay in the file so that payloads written with them keep decrypting."
      })
  private Path keyFile;

  /**
   * The codec the options name, or null for none.
   *
   * @throws IllegalArgumentException if both the file and the variable are given, or the keys are
   *     malformed (the message never shows key material)
   */
  PayloadCodec codec() {
    String spec = System.getenv("WEFT_PAYLOAD_KEYS");
    if (keyFile != null && spec != null && !spec.isBlank()) {
      throw new IllegalArgumentException(
          "--payload-keys and WEFT_PAYLOAD_KEYS are both set; give the keys one way");
    }
    if (keyFile != null) {
      return AesGcmPayloadCodec.fromKeyFile(keyFile);
    }
    return spec == null || spec.isBlank() ? null : AesGcmPayloadCodec.fromKeySpec(spec);
  }
}
