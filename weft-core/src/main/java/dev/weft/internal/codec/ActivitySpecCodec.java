package dev.weft.internal.codec;

import dev.weft.common.RetryPolicy;
import dev.weft.converter.Payload;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

/**
 * The bytes of an {@link ActivitySpec} in an activity task row: a small binary format (a version
 * byte, then fields in order), because the spec is written and read on every activity step and JSON
 * cost more than the step itself in profiles. The store treats it as opaque.
 */
public final class ActivitySpecCodec {
  private static final byte VERSION = 1;

  private ActivitySpecCodec() {}

  /** Encodes a spec. */
  public static byte[] encode(ActivitySpec spec) {
    ByteArrayOutputStream bytes = new ByteArrayOutputStream(64 + spec.input().size());
    try (DataOutputStream out = new DataOutputStream(bytes)) {
      out.writeByte(VERSION);
      out.writeUTF(spec.namespace());
      out.writeUTF(spec.workflowId());
      out.writeUTF(spec.workflowTaskQueue());
      out.writeUTF(spec.input().encoding());
      out.writeInt(spec.input().size());
      out.write(spec.input().data());
      RetryPolicy p = spec.retryPolicy();
      out.writeLong(p.initialInterval().toMillis());
      out.writeDouble(p.backoffCoefficient());
      out.writeLong(p.maximumInterval().toMillis());
      out.writeInt(p.maximumAttempts());
      out.writeInt(p.nonRetryableErrorTypes().size());
      for (String type : p.nonRetryableErrorTypes()) {
        out.writeUTF(type);
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return bytes.toByteArray();
  }

  /** Decodes bytes written by {@link #encode}. */
  public static ActivitySpec decode(byte[] data) {
    try (DataInputStream in = new DataInputStream(new ByteArrayInputStream(data))) {
      byte version = in.readByte();
      if (version != VERSION) {
        throw new IllegalStateException("unknown activity spec version " + version);
      }
      String namespace = in.readUTF();
      String workflowId = in.readUTF();
      String queue = in.readUTF();
      String encoding = in.readUTF();
      byte[] input = new byte[in.readInt()];
      in.readFully(input);
      Duration initial = Duration.ofMillis(in.readLong());
      double backoff = in.readDouble();
      Duration maximum = Duration.ofMillis(in.readLong());
      int attempts = in.readInt();
      int types = in.readInt();
      List<String> nonRetryable = new ArrayList<>(types);
      for (int i = 0; i < types; i++) {
        nonRetryable.add(in.readUTF());
      }
      return new ActivitySpec(
          namespace,
          workflowId,
          queue,
          new Payload(encoding, input),
          new RetryPolicy(initial, backoff, maximum, attempts, nonRetryable));
    } catch (IOException e) {
      throw new UncheckedIOException("corrupt activity spec", e);
    }
  }
}
