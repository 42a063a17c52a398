package dev.weft.failure;

/**
 * A worker reported an activity attempt as cancelled, but its workflow has not requested the
 * activity's cancel: nothing was written, and the attempt still holds its task (report its result
 * or failure instead).
 */
public final class ActivityCancelNotRequestedException extends WeftException {

  /** Creates the exception for the attempt a task token names. */
  public ActivityCancelNotRequestedException(String taskToken) {
    super(
        "the workflow has not requested the cancel of the activity attempt of task token "
            + taskToken
            + ": report its result or failure instead");
  }
}
