package dev.weft.bench;

/**
 * A cluster node's answer to {@code count}: the activities it has run, and the time its JIT
 * compilers have spent so far.
 *
 * @param activities activities run since the node started
 * @param jitMillis milliseconds of JIT compilation since the node started, -1 if unknown
 */
record NodeCounts(long activities, long jitMillis) {

  /**
   * Parses {@code <activities> [<jit-ms>]}.
   *
   * @throws IllegalArgumentException naming the text if it is not one or two numbers
   */
  static NodeCounts parse(String text) {
    String[] fields = text.trim().split(" ");
    try {
      if (fields.length == 1) {
        return new NodeCounts(Long.parseLong(fields[0]), -1);
      }
      if (fields.length == 2) {
        return new NodeCounts(Long.parseLong(fields[0]), Long.parseLong(fields[1]));
      }
    } catch (NumberFormatException e) {
      // reported below
    }
    throw new IllegalArgumentException(
        "a node's count answer must be '<activities> [<jit-ms>]', was '" + text + "'");
  }
}
