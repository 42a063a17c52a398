package dev.weft.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.weft.engine.WeftApp;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.jar.JarEntry;
import java.util.jar.JarOutputStream;
import javax.tools.JavaCompiler;
import javax.tools.ToolProvider;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code --app}: a jar compiled here from source, naming its {@link WeftApp} in {@code
 * META-INF/services}, is loaded with or without the built-in examples; a missing file, a jar
 * without the service and a service that cannot be made are errors naming the jar.
 */
class AppLoaderTest {
  @TempDir Path dir;

  @Test
  void loadsTheAppOfAJarWithOrWithoutTheExamples() throws Exception {
    Path jar =
        appJar(
            "billing",
            "public final class BillingApp implements dev.weft.engine.WeftApp {"
                + " public String name() { return \"billing\"; }"
                + " public void register(dev.weft.engine.WeftEngine engine) {} }",
            true);

    assertThat(AppLoader.load(List.of(jar), false))
        .extracting(WeftApp::name)
        .containsExactly("billing");
    assertThat(AppLoader.load(List.of(jar), true))
        .extracting(WeftApp::name)
        .containsExactlyInAnyOrder("billing", "examples");
    assertThat(AppLoader.load(List.of(), true))
        .extracting(WeftApp::name)
        .containsExactly("examples");
  }

  @Test
  void aMissingJarAJarWithoutTheServiceAndABrokenServiceAreErrorsNamingTheJar() throws Exception {
    Path missing = dir.resolve("nope.jar");
    assertThatThrownBy(() -> AppLoader.load(List.of(missing), false))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("nope.jar")
        .hasMessageContaining("no such file");

    Path noService = appJar("plain", "public final class Plain {}", false);
    assertThatThrownBy(() -> AppLoader.load(List.of(noService), false))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("plain.jar")
        .hasMessageContaining("META-INF/services/dev.weft.engine.WeftApp");

    Path broken =
        appJar(
            "broken",
            "public final class BrokenApp implements dev.weft.engine.WeftApp {"
                + " public BrokenApp(int x) {}"
                + " public String name() { return \"broken\"; }"
                + " public void register(dev.weft.engine.WeftEngine engine) {} }",
            true);
    assertThatThrownBy(() -> AppLoader.load(List.of(broken), false))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("BrokenApp")
        .hasMessageContaining("no-argument constructor");
  }

  /** Compiles one class of package {@code app} and jars it, with the service file if asked. */
  private Path appJar(String name, String classBody, boolean service) throws IOException {
    String className = classBody.replaceFirst("(?s).*?class (\\w+).*", "$1");
    Path src = dir.resolve(name + "-src/app/" + className + ".java");
    Files.createDirectories(src.getParent());
    Files.writeString(src, "package app;\n" + classBody + "\n");
    Path classes = dir.resolve(name + "-classes");
    Files.createDirectories(classes);
    JavaCompiler javac = ToolProvider.getSystemJavaCompiler();
    int rc =
        javac.run(
            null,
            null,
            null,
            "-d",
            classes.toString(),
            "-cp",
            System.getProperty("surefire.test.class.path", System.getProperty("java.class.path")),
            src.toString());
    assertThat(rc).as("javac").isZero();
    Path jar = dir.resolve(name + ".jar");
    try (JarOutputStream out = new JarOutputStream(Files.newOutputStream(jar))) {
      out.putNextEntry(new JarEntry("app/" + className + ".class"));
      out.write(Files.readAllBytes(classes.resolve("app/" + className + ".class")));
      if (service) {
        out.putNextEntry(new JarEntry("META-INF/services/dev.weft.engine.WeftApp"));
        write(out, "app." + className + "\n");
      }
    }
    return jar;
  }

  private static void write(OutputStream out, String text) throws IOException {
    out.write(text.getBytes(StandardCharsets.UTF_8));
  }
}
