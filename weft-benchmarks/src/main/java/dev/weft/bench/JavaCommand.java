package dev.weft.bench;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * Command lines of child JVMs that run on this JVM's class path (the same jar, when run from it).
 */
public final class JavaCommand {
  private JavaCommand() {}

  /**
   * Returns the command line of a JVM like this one running {@code mainClass} with {@code args}:
   * this JVM's {@code java}, native access enabled (SQLite), and this JVM's class path (under
   * Surefire, the tests' class path rather than its booter jar).
   */
  public static List<String> forMainClass(String mainClass, List<String> args) {
    String classpath =
        System.getProperty("surefire.test.class.path", System.getProperty("java.class.path"));
    List<String> command = new ArrayList<>();
    command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
    command.add("--enable-native-access=ALL-UNNAMED");
    command.add("-cp");
    command.add(classpath);
    command.add(mainClass);
    command.addAll(args);
    return command;
  }
}
