package dev.weft.internal.runtime;

import dev.weft.converter.Payload;
import dev.weft.history.EventAttributes.SignalReceived;
import dev.weft.internal.codec.EncodedArguments;
import dev.weft.internal.codec.PayloadConverter;
import dev.weft.workflow.DynamicQueryHandler;
import dev.weft.workflow.DynamicSignalHandler;
import dev.weft.workflow.DynamicUpdateHandler;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;

/**
 * The dynamic handlers the code registered ({@code Workflow.registerListener}), and the signals no
 * handler took yet: they wait here, in arrival order, for a dynamic signal handler.
 */
final class DynamicHandlers {
  private final PayloadConverter payloads;
  private DynamicSignalHandler signals;
  private DynamicQueryHandler queries;
  private DynamicUpdateHandler updates;
  private final List<SignalReceived> unhandled = new ArrayList<>();

  DynamicHandlers(PayloadConverter payloads) {
    this.payloads = payloads;
  }

  /**
   * Registers a listener (replacing the one of the same kind); hands the waiting signals to a
   * signal handler through {@code deliver}.
   *
   * @throws IllegalArgumentException if it is none of the dynamic handler types
   */
  void register(Object listener, Consumer<SignalReceived> deliver) {
    boolean known = false;
    if (listener instanceof DynamicQueryHandler q) {
      queries = q;
      known = true;
    }
    if (listener instanceof DynamicUpdateHandler u) {
      updates = u;
      known = true;
    }
    if (listener instanceof DynamicSignalHandler s) {
      signals = s;
      known = true;
      List<SignalReceived> waiting = List.copyOf(unhandled);
      unhandled.clear();
      waiting.forEach(deliver);
    }
    if (!known) {
      throw new IllegalArgumentException(
          "Workflow.registerListener takes a DynamicSignalHandler, DynamicQueryHandler or"
              + " DynamicUpdateHandler, got "
              + (listener == null ? "null" : listener.getClass().getName()));
    }
  }

  /** Keeps a signal no handler takes until a dynamic signal handler is registered. */
  void keep(SignalReceived signal) {
    unhandled.add(signal);
  }

  DynamicSignalHandler signals() {
    return signals;
  }

  DynamicQueryHandler queries() {
    return queries;
  }

  DynamicUpdateHandler updates() {
    return updates;
  }

  /** Returns a call's arguments for a dynamic handler. */
  EncodedArguments arguments(Payload input) {
    return new EncodedArguments(payloads, input);
  }
}
