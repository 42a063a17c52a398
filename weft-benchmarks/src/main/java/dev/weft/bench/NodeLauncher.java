package dev.weft.bench;

import java.util.List;

/**
 * Starts the node processes of the cluster workload: returns the command line of a process that
 * runs {@link ClusterNode#run} with the given arguments. {@code weft bench} runs nodes through a
 * hidden subcommand of the same jar; the default runs {@link ClusterNode}'s main class.
 */
@FunctionalInterface
public interface NodeLauncher {

  /** Returns the command line of a node process given {@link ClusterNode}'s arguments. */
  List<String> command(List<String> nodeArguments);

  /** Runs {@link ClusterNode#main} on this JVM's class path. */
  static NodeLauncher mainClass() {
    return args -> JavaCommand.forMainClass(ClusterNode.class.getName(), args);
  }
}
