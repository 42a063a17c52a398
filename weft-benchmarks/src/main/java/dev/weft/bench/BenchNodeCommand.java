package dev.weft.bench;

import java.io.IOException;
import java.io.InputStream;
import java.io.PrintStream;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Parameters;

/**
 * {@code weft bench-node STORE NODE_ID} (hidden): a node process of {@code weft bench cluster},
 * which starts it from the same jar and drives it over standard input and output (see {@link
 * ClusterNode}). Not for direct use.
 */
@Command(
    name = BenchNodeCommand.NAME,
    hidden = true,
    description = "A node process of `weft bench cluster`, started by it.")
final class BenchNodeCommand implements Callable<Integer> {
  static final String NAME = "bench-node";

  @Parameters(index = "0", paramLabel = "STORE")
  private String store;

  @Parameters(index = "1", paramLabel = "NODE_ID")
  private String nodeId;

  private final InputStream in;
  private final PrintStream out;
  private final PrintStream err;

  BenchNodeCommand(InputStream in, PrintStream out, PrintStream err) {
    this.in = in;
    this.out = out;
    this.err = err;
  }

  @Override
  public Integer call() {
    try {
      return ClusterNode.run(List.of(store, nodeId), in, out);
    } catch (IOException | RuntimeException e) {
      err.println("weft bench-node " + nodeId + " failed: " + e);
      return 1;
    }
  }
}
