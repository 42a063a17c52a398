package dev.weft.cli;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.Properties;
import picocli.CommandLine.IVersionProvider;

/** Reports Weft's version (written into the jar by the build) and the running JVM's. */
final class VersionProvider implements IVersionProvider {
  private static final String RESOURCE = "/dev/weft/cli/version.properties";

  @Override
  public String[] getVersion() {
    return new String[] {
      "weft " + weftVersion(),
      "JVM ${java.version} (${java.vendor} ${java.vm.name}), ${os.name} ${os.arch}"
    };
  }

  /** Returns the version from the jar, or {@code unknown} when run from unpackaged classes. */
  static String weftVersion() {
    try (InputStream in = VersionProvider.class.getResourceAsStream(RESOURCE)) {
      if (in == null) {
        return "unknown";
      }
      Properties properties = new Properties();
      properties.load(in);
      return properties.getProperty("version", "unknown");
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read " + RESOURCE, e);
    }
  }
}
