package dev.weft.cli;

import java.io.PrintStream;
import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/**
 * {@code weft sensor cursor NAME (VALUE | --reset)}: replaces the cursor the sensor's next
 * evaluation is given, or clears it so that the sensor starts over. Runs already requested keep
 * their IDs: a request whose dedupe key ran before starts nothing new.
 */
@Command(
    name = "cursor",
    description = {
      "Sets a sensor's cursor (VALUE) or clears it (--reset): its next evaluation starts there.",
      "Requests whose dedupe keys ran before start nothing new."
    })
final class SensorCursorCommand implements Callable<Integer> {
  @Mixin private ApiOptions api;
  @Mixin private SensorTarget sensor;

  @Parameters(
      index = "1",
      arity = "0..1",
      paramLabel = "VALUE",
      description = "the new cursor (or --reset)")
  private String value;

  @Option(names = "--reset", description = "clear the cursor: the sensor starts over")
  private boolean reset;

  @Spec private CommandSpec spec;

  private final PrintStream out;
  private final PrintStream err;

  SensorCursorCommand(PrintStream out, PrintStream err) {
    this.out = out;
    this.err = err;
  }

  @Override
  public Integer call() {
    if ((value == null) == !reset) {
      throw new ParameterException(
          spec.commandLine(),
          reset
              ? "give VALUE or --reset, not both"
              : "missing the new cursor: give VALUE, or --reset to clear it");
    }
    return api.run(
        err,
        http -> {
          Map<String, Object> body = new HashMap<>();
          body.put("cursor", reset ? null : value);
          String what = reset ? "cursor reset" : "cursor " + value;
          return SensorChange.print(
              http.put(sensor.path() + "/cursor", body), what, api.output, out);
        });
  }
}
