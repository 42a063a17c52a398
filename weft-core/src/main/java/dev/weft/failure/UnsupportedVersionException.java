package dev.weft.failure;

/**
 * {@code Workflow.getVersion} found a version outside the range the code supports: the run took a
 * code path that this deploy no longer has (the minimum was raised too early), or one that is newer
 * than this code. Fails the workflow task (the run stays open and resumes once a deploy supports
 * its version).
 */
public final class UnsupportedVersionException extends WeftException {
  private final String changeId;
  private final int version;

  /** Creates the exception. */
  public UnsupportedVersionException(
      String workflowId, String changeId, int version, int minSupported, int maxSupported) {
    super(
        "workflow '"
            + workflowId
            + "' is at version "
            + version
            + " of change '"
            + changeId
            + "', outside the range this code supports ["
            + minSupported
            + ", "
            + maxSupported
            + "]");
    this.changeId = changeId;
    this.version = version;
  }

  /** Returns the change ID. */
  public String getChangeId() {
    return changeId;
  }

  /** Returns the version the run is at. */
  public int getVersion() {
    return version;
  }
}
