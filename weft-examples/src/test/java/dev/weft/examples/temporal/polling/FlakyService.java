package dev.weft.examples.temporal.polling;

import java.util.concurrent.atomic.AtomicInteger;

/**
 * The downstream service of Temporal's polling samples ({@code polling/TestService}): it answers
 * "OK" on every {@code errorAttempts}-th call and fails with {@link ServiceDownException} in
 * between. Thread-safe, counts its calls.
 */
public final class FlakyService {
  private final int errorAttempts;
  private final AtomicInteger calls = new AtomicInteger();

  public FlakyService(int errorAttempts) {
    this.errorAttempts = errorAttempts;
  }

  /** Returns "OK" or throws. */
  public String getServiceResult() throws ServiceDownException {
    if (calls.incrementAndGet() % errorAttempts == 0) {
      return "OK";
    }
    throw new ServiceDownException("Service is down");
  }

  /** How often the service was called. */
  public int calls() {
    return calls.get();
  }

  /** The service is down; checked, as in the sample. */
  public static final class ServiceDownException extends Exception {
    public ServiceDownException(String message) {
      super(message);
    }
  }
}
