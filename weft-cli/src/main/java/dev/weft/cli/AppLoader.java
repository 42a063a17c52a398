package dev.weft.cli;

import dev.weft.engine.WeftApp;
import java.net.MalformedURLException;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.ServiceConfigurationError;
import java.util.ServiceLoader;

/**
 * Finds the {@link WeftApp}s a node serves: those in the {@code --app} jars or folders, and, unless
 * left out, those on weft's own class path (the examples).
 */
final class AppLoader {
  private AppLoader() {}

  /**
   * Loads the apps.
   *
   * @param locations jars or class folders given with {@code --app}
   * @param withBuiltIn whether the apps on weft's own class path (the examples) are served too
   * @throws IllegalArgumentException naming the location: missing, unreadable, without a {@code
   *     WeftApp} service, or whose service cannot be instantiated
   */
  static List<WeftApp> load(List<Path> locations, boolean withBuiltIn) {
    List<URL> urls = new ArrayList<>();
    for (Path p : locations) {
      if (!Files.isReadable(p)) {
        throw new IllegalArgumentException("--app " + p + ": no such file or folder");
      }
      try {
        urls.add(p.toAbsolutePath().toUri().toURL());
      } catch (MalformedURLException e) {
        throw new IllegalArgumentException("--app " + p + ": " + e.getMessage(), e);
      }
    }
    ClassLoader parent = AppLoader.class.getClassLoader();
    ClassLoader loader =
        urls.isEmpty() ? parent : new URLClassLoader("weft-apps", urls.toArray(URL[]::new), parent);
    List<WeftApp> apps = new ArrayList<>();
    List<WeftApp> fromLocations = new ArrayList<>();
    try {
      for (WeftApp app : ServiceLoader.load(WeftApp.class, loader)) {
        boolean own = app.getClass().getClassLoader() == loader && loader != parent;
        if (own) {
          fromLocations.add(app);
        }
        if (own || withBuiltIn) {
          apps.add(app);
        }
      }
    } catch (ServiceConfigurationError e) {
      throw new IllegalArgumentException(
          "cannot load a WeftApp"
              + (locations.isEmpty() ? "" : " from --app " + locations)
              + ": "
              + e.getMessage()
              + " (an app needs a public class with a public no-argument constructor, named in"
              + " META-INF/services/dev.weft.engine.WeftApp)",
          e);
    }
    if (!locations.isEmpty() && fromLocations.isEmpty()) {
      throw new IllegalArgumentException(
          "--app "
              + locations
              + ": no WeftApp found; name your class in"
              + " META-INF/services/dev.weft.engine.WeftApp");
    }
    return List.copyOf(apps);
  }
}
