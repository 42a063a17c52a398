package dev.weft.internal.runtime;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.weft.converter.JacksonDataConverter;
import dev.weft.converter.Payload;
import dev.weft.history.EventAttributes.SignalReceived;
import dev.weft.internal.codec.PayloadConverter;
import dev.weft.workflow.DynamicQueryHandler;
import dev.weft.workflow.DynamicSignalHandler;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class DynamicHandlersTest {
  private static final PayloadConverter PAYLOADS =
      new PayloadConverter(new JacksonDataConverter(), null, Long.MAX_VALUE);

  @Test
  void signalsKeptBeforeASignalHandlerAreHandedToItInArrivalOrder() {
    DynamicHandlers handlers = new DynamicHandlers(PAYLOADS);
    handlers.keep(new SignalReceived("a", null));
    handlers.keep(new SignalReceived("b", null));
    List<String> delivered = new ArrayList<>();

    handlers.register(
        (DynamicSignalHandler) (name, args) -> {}, s -> delivered.add(s.signalName()));
    handlers.register((DynamicSignalHandler) (name, args) -> {}, s -> delivered.add("again"));

    assertThat(delivered).containsExactly("a", "b");
  }

  @Test
  void aListenerOfNoHandlerTypeIsRefusedAndChangesNothing() {
    DynamicHandlers handlers = new DynamicHandlers(PAYLOADS);

    assertThatThrownBy(() -> handlers.register("text", s -> {}))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage(
            "Workflow.registerListener takes a DynamicSignalHandler, DynamicQueryHandler or"
                + " DynamicUpdateHandler, got java.lang.String");
    assertThat(handlers.signals()).isNull();
    assertThat(handlers.queries()).isNull();
    assertThat(handlers.updates()).isNull();
  }

  @Test
  void argumentsAreDecodedOneByOneAsTheHandlerAsks() {
    DynamicHandlers handlers = new DynamicHandlers(PAYLOADS);
    DynamicQueryHandler query = (name, args) -> args.get(1, int.class) + args.get(0, String.class);
    handlers.register(query, s -> {});
    Payload input = PAYLOADS.encodeArguments(new Object[] {"x", 41}, "test");

    assertThat(handlers.queries().handle("q", handlers.arguments(input))).isEqualTo("41x");
    assertThat(handlers.arguments(input).getSize()).isEqualTo(2);
    assertThat(handlers.arguments(input).get(5, String.class)).isNull();
    assertThat(handlers.arguments(null).isEmpty()).isTrue();
  }
}
