package dev.weft.cli;

import dev.weft.examples.Demo;
import java.io.PrintStream;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * {@code weft demo}: runs the examples (order saga, subscription, approval, catch-up) end to end on
 * an embedded SQLite store in a temporary folder. Exits 0, or 1 with a message on standard error if
 * the demo fails.
 */
@Command(
    name = "demo",
    description = {
      "Runs the examples end to end on a temporary embedded store.",
      "An order saga that ships and one that is compensated; a subscription that sends its"
          + " follow-up and one that unsubscribes; an expense approval that escalates and one"
          + " that is rejected; a catch-up over 10,000 blocks with continue-as-new."
    })
final class DemoCommand implements Callable<Integer> {
  @Option(
      names = {"-h", "--help"},
      usageHelp = true,
      description = "Show this help message and exit.")
  private boolean help;

  private final PrintStream out;
  private final PrintStream err;

  DemoCommand(PrintStream out, PrintStream err) {
    this.out = out;
    this.err = err;
  }

  @Override
  public Integer call() {
    try {
      new Demo().run(out);
      return 0;
    } catch (RuntimeException e) {
      err.println("weft demo failed: " + e);
      for (Throwable c = e.getCause(); c != null && c != c.getCause(); c = c.getCause()) {
        err.println("  caused by: " + c);
      }
      return 1;
    }
  }
}
