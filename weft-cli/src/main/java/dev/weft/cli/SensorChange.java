package dev.weft.cli;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.PrintStream;

/** Prints the answer to a change sent to a sensor: a sentence, or the API's JSON. */
final class SensorChange {
  private SensorChange() {}

  /** Prints that {@code what} was sent to the sensor {@code accepted} names; returns 0. */
  static int print(JsonNode accepted, String what, OutputFormat output, PrintStream out) {
    if (output == OutputFormat.json) {
      out.println(ApiHttp.pretty(accepted));
    } else {
      out.printf(
          "sensor %s: %s sent; the sensor applies it right after%n",
          accepted.path("name").asText(), what);
    }
    return 0;
  }
}
