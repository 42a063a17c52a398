package dev.weft.converter;

import dev.weft.failure.PayloadCodecException;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Base64;

/** Parses the key spec of {@link AesGcmPayloadCodec#fromKeySpec}; messages never show a key. */
final class PayloadKeys {
  private PayloadKeys() {}

  static AesGcmPayloadCodec fromFile(Path file) {
    String text;
    try {
      text = Files.readString(file);
    } catch (IOException e) {
      throw new PayloadCodecException(
          "cannot read the payload key file " + file + ": " + e.getMessage(), null, e);
    }
    return parse(text, "payload key file " + file);
  }

  static AesGcmPayloadCodec parse(String spec, String source) {
    if (spec == null || spec.isBlank()) {
      throw new PayloadCodecException(
          source + " is empty: expected active=<key ID> and keys", null);
    }
    AesGcmPayloadCodec.Builder builder = AesGcmPayloadCodec.builder();
    String active = null;
    String[] entries = spec.split("\r?\n|;");
    for (int i = 0; i < entries.length; i++) {
      String entry = entries[i].strip();
      if (entry.isEmpty() || entry.startsWith("#")) {
        continue;
      }
      String where = source + ", entry " + (i + 1);
      int eq = entry.indexOf('=');
      if (eq < 1) {
        throw new PayloadCodecException(
            where + ": expected <key ID>=<base64 key> or active=<key ID>", null);
      }
      String name = entry.substring(0, eq).strip();
      String value = entry.substring(eq + 1).strip();
      if (value.isEmpty()
          || !name.equals("active") && !AesGcmPayloadCodec.KEY_ID.matcher(name).matches()) {
        // never echo it: a key pasted without its ID would land here
        throw new PayloadCodecException(
            where
                + ": expected <key ID>=<base64 key> or active=<key ID>, with a key ID of 1 to 64"
                + " of A-Z a-z 0-9 . _ -",
            null);
      }
      if (name.equals("active")) {
        if (active != null) {
          throw new PayloadCodecException(where + ": active is given twice", value);
        }
        active = value;
        builder.activeKey(value);
        continue;
      }
      byte[] key;
      try {
        key = Base64.getDecoder().decode(value);
      } catch (IllegalArgumentException e) {
        throw new PayloadCodecException(where + ": key '" + name + "' is not base64", name);
      }
      try {
        builder.key(name, key);
      } catch (PayloadCodecException e) {
        throw new PayloadCodecException(where + ": " + e.getMessage(), name);
      }
    }
    try {
      return builder.build();
    } catch (PayloadCodecException e) {
      throw new PayloadCodecException(source + ": " + e.getMessage(), e.keyId());
    }
  }
}
