package dev.weft.failure;

/** The run was terminated from outside; the cause of a {@link WorkflowFailedException}. */
public final class TerminatedFailure extends WeftFailure {

  /** Creates a failure with the reason given to terminate. */
  public TerminatedFailure(String reason) {
    super(reason, null);
  }
}
