package dev.weft.cli;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.PrintStream;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;

/** How the namespace commands print the API's {@code NamespaceDescription} documents. */
final class NamespaceFormat {
  private NamespaceFormat() {}

  /** The API path of the namespaces, or of one ({@code api/v1/namespaces/payments}). */
  static String path(String name) {
    return name == null
        ? "api/v1/namespaces"
        : "api/v1/namespaces/" + URLEncoder.encode(name, StandardCharsets.UTF_8);
  }

  /** Prints one namespace: a field per line, or the document itself for {@code json}. */
  static int print(JsonNode namespace, OutputFormat output, PrintStream out) {
    if (output == OutputFormat.json) {
      out.println(ApiHttp.pretty(namespace));
      return 0;
    }
    out.println("Name:         " + namespace.path("name").asText());
    out.println("Description:  " + orDash(namespace.path("description").asText()));
    out.println("Retention:    " + retention(namespace.path("retention").asText()));
    out.println("Created:      " + namespace.path("createTime").asText());
    out.println("Updated:      " + namespace.path("updateTime").asText());
    return 0;
  }

  /** Prints a list of namespaces: a table under a header, or the document for {@code json}. */
  static int printList(JsonNode list, OutputFormat output, PrintStream out) {
    if (output == OutputFormat.json) {
      out.println(ApiHttp.pretty(list));
      return 0;
    }
    List<String[]> rows = new ArrayList<>();
    rows.add(new String[] {"NAME", "RETENTION", "CREATED", "DESCRIPTION"});
    for (JsonNode ns : list.path("namespaces")) {
      rows.add(
          new String[] {
            ns.path("name").asText(),
            retention(ns.path("retention").asText()),
            ns.path("createTime").asText(),
            orDash(ns.path("description").asText())
          });
    }
    int[] widths = new int[3];
    for (String[] row : rows) {
      for (int i = 0; i < widths.length; i++) {
        widths[i] = Math.max(widths[i], row[i].length());
      }
    }
    for (String[] row : rows) {
      StringBuilder line = new StringBuilder();
      for (int i = 0; i < widths.length; i++) {
        line.append(row[i]).append(" ".repeat(widths[i] - row[i].length() + 2));
      }
      out.println(line.append(row[3]).toString().stripTrailing());
    }
    return 0;
  }

  /** A retention as days, hours, minutes and seconds where whole ({@code PT168H} is 7d). */
  static String retention(String iso) {
    Duration d;
    try {
      d = Duration.parse(iso);
    } catch (DateTimeParseException e) {
      return iso;
    }
    StringBuilder s = new StringBuilder();
    if (d.toDays() > 0) {
      s.append(d.toDays()).append('d');
    }
    if (d.toHoursPart() > 0) {
      s.append(d.toHoursPart()).append('h');
    }
    if (d.toMinutesPart() > 0) {
      s.append(d.toMinutesPart()).append('m');
    }
    if (d.toSecondsPart() > 0 || d.toMillisPart() > 0) {
      s.append(d.toSecondsPart());
      if (d.toMillisPart() > 0) {
        s.append('.').append(String.format("%03d", d.toMillisPart()));
      }
      s.append('s');
    }
    return s.isEmpty() ? iso : s.toString();
  }

  private static String orDash(String text) {
    return text == null || text.isEmpty() ? "-" : text;
  }
}
