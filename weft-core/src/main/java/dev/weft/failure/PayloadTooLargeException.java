package dev.weft.failure;

/**
 * A value is larger than the payload limit once serialized. Nothing was written. The limit is
 * configured on the engine ({@code maxPayloadBytes}, default 2 MiB); store large data elsewhere and
 * pass a reference.
 */
public final class PayloadTooLargeException extends WeftException {
  private final long size;
  private final long limit;

  /** Creates the exception; {@code what} names the value ("input of workflow 'X'"). */
  public PayloadTooLargeException(String what, long size, long limit) {
    super(
        what
            + " is "
            + size
            + " bytes once serialized, over the payload limit of "
            + limit
            + " bytes");
    this.size = size;
    this.limit = limit;
  }

  /** Returns the serialized size. */
  public long getSize() {
    return size;
  }

  /** Returns the limit. */
  public long getLimit() {
    return limit;
  }
}
