package dev.weft.examples.assets.dailytrades;

import java.time.LocalDate;

/** The vendor's file of a day has not arrived yet: the day cannot be fetched now. */
public final class VendorFileLateException extends IllegalStateException {
  private static final long serialVersionUID = 1L;

  /** The file of {@code day} is late. */
  public VendorFileLateException(LocalDate day) {
    super(
        "the vendor file of "
            + day
            + " has not arrived yet (late): materialize the day again once it is in");
  }
}
