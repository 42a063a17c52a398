package dev.weft.internal.codec;

import dev.weft.converter.EncodedValues;
import dev.weft.converter.Payload;
import java.lang.reflect.Type;
import java.util.Arrays;

/** The arguments payload of a call, decoded value by value when a dynamic receiver asks. */
public final class EncodedArguments implements EncodedValues {
  private final PayloadConverter payloads;
  private final Payload payload;

  public EncodedArguments(PayloadConverter payloads, Payload payload) {
    this.payloads = payloads;
    this.payload = payload;
  }

  @Override
  public int getSize() {
    if (payload == null) {
      return 0;
    }
    Object[] all = (Object[]) payloads.decode(payload, Object[].class);
    return all == null ? 0 : all.length;
  }

  @Override
  public <T> T get(int index, Class<T> type) {
    return get(index, type, type);
  }

  @Override
  @SuppressWarnings("unchecked")
  public <T> T get(int index, Class<T> type, Type genericType) {
    if (index < 0) {
      throw new IllegalArgumentException("argument index must not be negative, was " + index);
    }
    Type[] types = new Type[index + 1];
    Arrays.fill(types, Object.class);
    types[index] = genericType;
    if (payload == null) {
      return (T) payloads.decodeArguments(Payload.json("[]"), types)[index];
    }
    return (T) payloads.decodeArguments(payload, types)[index];
  }

  /** Returns the payload. */
  public Payload payload() {
    return payload;
  }
}
