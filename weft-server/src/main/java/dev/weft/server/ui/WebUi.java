package dev.weft.server.ui;

import io.javalin.config.JavalinConfig;
import io.javalin.http.Context;
import io.javalin.http.HandlerType;
import java.io.InputStream;
import java.net.URL;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Set;

/**
 * Serves the web UI (a single-page app) from a class path folder, {@code dev/weft/ui/} of the
 * {@code weft-ui} jar: a GET of a file answers the file, any other GET outside the server's own
 * paths answers {@code index.html} (the app routes deep links such as {@code
 * /namespaces/default/workflows/order-17} itself), a missing {@code /assets/} file stays a 404.
 * Vite names every asset by its content hash, so assets are cached for a year; {@code index.html}
 * is revalidated on every load, so a new server version is picked up at once.
 *
 * <p>The server's own paths are those whose first segment is the first segment of one of its routes
 * ({@code /api/...}, {@code /metrics}): they keep the API's answers, a problem document for an
 * unknown route included.
 *
 * <p>When the jar holds no UI (built with {@code -Dweft.ui.skip}), {@code /} and every other UI
 * path answer a short text page saying so and how to build it.
 *
 * <p>Thread-safe: immutable, resources are read per request.
 */
public final class WebUi {
  /** The class path folder of the built UI in the weft-ui jar. */
  public static final String DEFAULT_ROOT = "dev/weft/ui/";

  static final String ASSET_CACHE = "public, max-age=31536000, immutable";
  static final String PAGE_CACHE = "no-cache";

  static final String NOT_BUILT =
      """
      Weft's web UI was not built into this server.

      The API is served under /api/v1 (its OpenAPI document: /api/v1/openapi.json).

      To get the UI, build Weft with Node.js 20+ and npm on the PATH and without -Dweft.ui.skip:
        ./mvnw -pl weft-cli -am package -DskipTests
      (./weft does this when the sources changed.)
      """;

  private static final Map<String, String> TYPES =
      Map.ofEntries(
          Map.entry("html", "text/html; charset=utf-8"),
          Map.entry("js", "text/javascript; charset=utf-8"),
          Map.entry("mjs", "text/javascript; charset=utf-8"),
          Map.entry("css", "text/css; charset=utf-8"),
          Map.entry("json", "application/json"),
          Map.entry("map", "application/json"),
          Map.entry("svg", "image/svg+xml"),
          Map.entry("png", "image/png"),
          Map.entry("ico", "image/x-icon"),
          Map.entry("woff2", "font/woff2"),
          Map.entry("txt", "text/plain; charset=utf-8"),
          Map.entry("wasm", "application/wasm"));

  private final ClassLoader loader;
  private final String root;
  private final boolean built;

  private WebUi(ClassLoader loader, String root) {
    this.loader = Objects.requireNonNull(loader, "loader");
    this.root = root.endsWith("/") ? root : root + "/";
    this.built = loader.getResource(this.root + "index.html") != null;
  }

  /** The UI of the weft-ui jar on this server's class path. */
  public static WebUi fromClassPath() {
    return at(WebUi.class.getClassLoader(), DEFAULT_ROOT);
  }

  /** The UI in class path folder {@code root} of {@code loader} (tests serve a fixture). */
  public static WebUi at(ClassLoader loader, String root) {
    return new WebUi(loader, root);
  }

  /** Whether the UI was built into the class path (its {@code index.html} is there). */
  public boolean built() {
    return built;
  }

  /**
   * Serves the UI on every GET and HEAD whose first path segment is not one of {@code
   * serverSegments} (e.g. {@code api}, {@code metrics}); those requests go on to the routes.
   */
  public void install(JavalinConfig config, Set<String> serverSegments) {
    Set<String> reserved = Set.copyOf(serverSegments);
    config.routes.before(
        ctx -> {
          if ((ctx.method() == HandlerType.GET || ctx.method() == HandlerType.HEAD)
              && !reserved.contains(firstSegment(ctx.path()))) {
            serve(ctx);
          }
        });
  }

  private void serve(Context ctx) throws Exception {
    String path = ctx.path();
    if (!built) {
      ctx.skipRemainingHandlers();
      ctx.status(200).contentType("text/plain; charset=utf-8").result(NOT_BUILT);
      ctx.header("Cache-Control", PAGE_CACHE);
      return;
    }
    String file = path.startsWith("/") ? path.substring(1) : path;
    boolean asset = file.startsWith("assets/");
    if (looksLikeFile(file) && safe(file)) {
      URL url = loader.getResource(root + file);
      if (url != null) {
        ctx.skipRemainingHandlers();
        send(ctx, url, file, asset ? ASSET_CACHE : PAGE_CACHE);
        return;
      }
    }
    if (asset) {
      return; // a missing hashed asset: the routes answer 404, not the app's page
    }
    ctx.skipRemainingHandlers();
    send(ctx, loader.getResource(root + "index.html"), "index.html", PAGE_CACHE);
  }

  private static void send(Context ctx, URL url, String file, String cache) throws Exception {
    InputStream in = url.openStream();
    ctx.status(200);
    ctx.contentType(contentType(file));
    ctx.header("Cache-Control", cache);
    ctx.header("X-Content-Type-Options", "nosniff");
    ctx.result(in);
  }

  static String contentType(String file) {
    int dot = file.lastIndexOf('.');
    String ext = dot < 0 ? "" : file.substring(dot + 1).toLowerCase(Locale.ROOT);
    return TYPES.getOrDefault(ext, "application/octet-stream");
  }

  private static boolean looksLikeFile(String file) {
    int slash = file.lastIndexOf('/');
    return !file.isEmpty() && file.indexOf('.', slash + 1) > 0;
  }

  /** No way out of the UI's folder, and no odd characters in a resource name. */
  private static boolean safe(String file) {
    for (String segment : file.split("/", -1)) {
      if (segment.isEmpty() || segment.equals(".") || segment.equals("..")) {
        return false;
      }
    }
    return file.indexOf('\\') < 0 && file.indexOf(':') < 0;
  }

  static String firstSegment(String path) {
    int start = path.startsWith("/") ? 1 : 0;
    int end = path.indexOf('/', start);
    return end < 0 ? path.substring(start) : path.substring(start, end);
  }
}
