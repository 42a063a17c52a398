package dev.weft.examples.saga;

import dev.weft.activity.Activity;
import dev.weft.activity.ActivityCanceledException;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

/** Shipping that never finishes on its own: it heartbeats until the workflow cancels it. */
final class GatedShipping implements ShippingActivities {
  final CountDownLatch started = new CountDownLatch(1);
  final CountDownLatch sawCancel = new CountDownLatch(1);
  private final CountDownLatch never = new CountDownLatch(1);

  @Override
  public String ship(Order order) {
    started.countDown();
    try {
      for (int beat = 0; beat < 1_000; beat++) {
        Activity.heartbeat(beat);
        never.await(20, TimeUnit.MILLISECONDS);
      }
      throw new IllegalStateException("shipping was not cancelled within 20 s");
    } catch (ActivityCanceledException e) {
      sawCancel.countDown();
      throw e;
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException("interrupted", e);
    }
  }
}
