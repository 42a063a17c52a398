package dev.weft.schedules;

/** No sensor of that name is defined on this engine ({@link Sensors}). */
public final class SensorNotFoundException extends RuntimeException {
  private final String sensorName;

  /** The sensor {@code sensorName} is not defined. */
  public SensorNotFoundException(String sensorName) {
    super("no sensor named '" + sensorName + "' is defined");
    this.sensorName = sensorName;
  }

  /** Returns the name asked for. */
  public String sensorName() {
    return sensorName;
  }
}
