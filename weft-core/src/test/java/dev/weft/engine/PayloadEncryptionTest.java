package dev.weft.engine;

import static org.assertj.core.api.Assertions.assertThat;

import dev.weft.activity.ActivityInterface;
import dev.weft.activity.ActivityOptions;
import dev.weft.client.WorkflowHandle;
import dev.weft.client.WorkflowOptions;
import dev.weft.converter.AesGcmPayloadCodec;
import dev.weft.converter.PayloadCodec;
import dev.weft.testsupport.EngineFixture;
import dev.weft.testsupport.TestStore;
import dev.weft.workflow.SignalMethod;
import dev.weft.workflow.Workflow;
import dev.weft.workflow.WorkflowInterface;
import dev.weft.workflow.WorkflowMethod;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Base64;
import java.util.function.Consumer;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * Payload encryption at rest (issue 18): with {@link AesGcmPayloadCodec} a run's argument, signal,
 * activity input and result never reach the store in plaintext (a dump of every table's values
 * shows none of them, while the same run without the codec shows them all), and a run that started
 * under one key finishes after the engine restarts with a rotated key set.
 */
@Tag("engine")
class PayloadEncryptionTest {
  static final Duration WAIT = Duration.ofSeconds(30);
  static final String ARGUMENT = "argument-canary-5e1f";
  static final String SIGNAL = "signal-canary-77b0";
  static final String RESULT_PREFIX = "result-canary-9b1c:";

  @ActivityInterface
  public interface Vault {
    String seal(String text);
  }

  public static class VaultImpl implements Vault {
    @Override
    public String seal(String text) {
      return RESULT_PREFIX + text.length();
    }
  }

  @WorkflowInterface
  public interface Deposit {
    @WorkflowMethod
    String run(String secret);

    @SignalMethod
    void confirm(String code);
  }

  /** Waits for a signal, then seals the argument in an activity. */
  public static class DepositImpl implements Deposit {
    private String code;

    @Override
    public String run(String secret) {
      Workflow.await(() -> code != null);
      return Workflow.newActivityStub(
              Vault.class,
              ActivityOptions.newBuilder().startToCloseTimeout(Duration.ofSeconds(10)).build())
          .seal(secret + code);
    }

    @Override
    public void confirm(String code) {
      this.code = code;
    }
  }

  static byte[] key(int seed) {
    byte[] k = new byte[32];
    for (int i = 0; i < k.length; i++) {
      k[i] = (byte) (seed * 17 + i);
    }
    return k;
  }

  static final AesGcmPayloadCodec K1 =
      AesGcmPayloadCodec.builder().key("k1", key(1)).activeKey("k1").build();
  static final AesGcmPayloadCodec K2_AND_K1 =
      AesGcmPayloadCodec.builder().key("k2", key(2)).activeKey("k2").key("k1", key(1)).build();

  static Consumer<WeftEngine> workers() {
    return e ->
        e.newWorker("vault")
            .registerWorkflow(Deposit.class, DepositImpl::new)
            .registerActivities(new VaultImpl());
  }

  static EngineFixture engine(TestStore kind, Path dir, PayloadCodec codec) {
    return EngineFixture.start(kind, dir, b -> b.payloadCodec(codec), workers());
  }

  static final Pattern BASE64 = Pattern.compile("[A-Za-z0-9+/]{8,}={0,2}");

  /**
   * Every value of every table as text, followed by the decoding of every base64 run in it: the
   * engine keeps payload bytes as base64 inside its JSON records, so plaintext would hide there.
   */
  static String dumpText(TestStore kind, Path dir) {
    String raw = new String(kind.dump(dir), StandardCharsets.ISO_8859_1);
    StringBuilder all = new StringBuilder(raw);
    Matcher m = BASE64.matcher(raw);
    while (m.find()) {
      String run = m.group();
      try {
        all.append('\n')
            .append(
                new String(
                    Base64.getDecoder().decode(run.substring(0, run.length() / 4 * 4)),
                    StandardCharsets.ISO_8859_1));
      } catch (IllegalArgumentException notBase64) {
        // a word that only looks like base64
      }
    }
    return all.toString();
  }

  static final String EXPECTED = RESULT_PREFIX + (ARGUMENT + SIGNAL).length();

  @ParameterizedTest
  @EnumSource(TestStore.class)
  void aStoreDumpHoldsNoPlaintextOfArgumentsSignalsOrResults(TestStore kind, @TempDir Path dir) {
    String workflowId = "deposit-" + kind;
    try (EngineFixture f = engine(kind, dir, K1)) {
      WorkflowHandle<Object> h =
          f.client()
              .start(
                  "Deposit",
                  WorkflowOptions.newBuilder().taskQueue("vault").workflowId(workflowId).build(),
                  ARGUMENT);
      h.signal("confirm", SIGNAL);
      assertThat(h.getResult(String.class)).isEqualTo(EXPECTED);
    }

    String dump = dumpText(kind, dir);
    assertThat(dump).contains(workflowId); // the dump reads the tables
    assertThat(dump).doesNotContain(ARGUMENT).doesNotContain(SIGNAL).doesNotContain(RESULT_PREFIX);
    assertThat(dump).contains(AesGcmPayloadCodec.ENCODING.substring(0, 6));
  }

  @ParameterizedTest
  @EnumSource(TestStore.class)
  void withoutTheCodecTheSameDumpShowsThePlaintext(TestStore kind, @TempDir Path dir) {
    try (EngineFixture f = EngineFixture.start(kind, dir, workers())) {
      WorkflowHandle<Object> h =
          f.client()
              .start("Deposit", WorkflowOptions.newBuilder().taskQueue("vault").build(), ARGUMENT);
      h.signal("confirm", SIGNAL);
      assertThat(h.getResult(String.class)).isEqualTo(EXPECTED);
    }

    assertThat(dumpText(kind, dir)).contains(ARGUMENT).contains(SIGNAL).contains(RESULT_PREFIX);
  }

  @ParameterizedTest
  @EnumSource(TestStore.class)
  void aRunStartedUnderAnOldKeyFinishesAfterRotation(TestStore kind, @TempDir Path dir) {
    try (EngineFixture f = engine(kind, dir, K1)) {
      f.client()
          .start(
              "Deposit",
              WorkflowOptions.newBuilder().taskQueue("vault").workflowId("rotating").build(),
              ARGUMENT);
      Awaitility.await()
          .atMost(WAIT)
          .until(() -> f.client().getHandle("rotating").describe().historyLength() >= 2);
    }
    // a new engine: it replays the history written under k1, and writes under k2
    try (EngineFixture rotated = engine(kind, dir, K2_AND_K1)) {
      WorkflowHandle<Object> h = rotated.client().getHandle("rotating");
      h.signal("confirm", SIGNAL);
      assertThat(h.getResult(String.class)).isEqualTo(EXPECTED);
    }
    assertThat(dumpText(kind, dir)).doesNotContain(ARGUMENT).doesNotContain(SIGNAL);
  }
}
