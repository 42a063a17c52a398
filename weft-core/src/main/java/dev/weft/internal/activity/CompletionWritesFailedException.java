package dev.weft.internal.activity;

import dev.weft.store.Write;
import java.util.List;
import java.util.stream.Collectors;

/**
 * The batch recording an attempt's completion failed because of the writes the attempt added with
 * {@code Activity.commitWithCompletion}: no extension applies one, a statement of one failed, or
 * one's own condition conflicted. Nothing of the batch was applied; the attempt is then failed (its
 * retry policy decides) by whoever offered the completion.
 */
final class CompletionWritesFailedException extends RuntimeException {

  CompletionWritesFailedException(String runId, long seq, List<Write> writes, String reason) {
    super(
        "the writes "
            + classes(writes)
            + " that activity "
            + seq
            + " of run "
            + runId
            + " added with Activity.commitWithCompletion could not be committed with its"
            + " completion, which was not recorded: "
            + reason);
  }

  private static String classes(List<Write> writes) {
    return writes.stream()
        .map(w -> w.getClass().getName())
        .distinct()
        .collect(Collectors.joining(", ", "[", "]"));
  }
}
