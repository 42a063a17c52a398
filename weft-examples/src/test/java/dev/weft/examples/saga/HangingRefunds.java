package dev.weft.examples.saga;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

/**
 * Payments whose refund does its side effect, creates a marker file to tell the test that the
 * process is inside compensation, and then hangs until the process is killed (60 s at most).
 */
final class HangingRefunds implements PaymentActivities {
  private final PaymentActivities delegate;
  private final Path marker;

  HangingRefunds(PaymentActivities delegate, Path marker) {
    this.delegate = delegate;
    this.marker = marker;
  }

  @Override
  public String chargePayment(Order order) {
    return delegate.chargePayment(order);
  }

  @Override
  public void refundPayment(Order order) {
    delegate.refundPayment(order);
    try {
      Files.createFile(marker);
      new CountDownLatch(1).await(60, TimeUnit.SECONDS);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
    throw new IllegalStateException("the test did not kill this process within 60 s");
  }
}
