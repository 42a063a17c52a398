package dev.weft.examples.triggers;

/** {@link VolumeReport}: the report's line, from what the sensor saw in the catalog. */
public final class VolumeReportWorkflow implements VolumeReport {
  @Override
  public String report(String dataVersion, String materializedAt, String runId) {
    return VolumeReportSensor.VOLUME
        + " has new data (version "
        + dataVersion
        + "), materialized at "
        + materializedAt
        + (runId == null ? "" : " by " + runId);
  }
}
