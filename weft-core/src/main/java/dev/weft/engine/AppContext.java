package dev.weft.engine;

import java.nio.file.Path;
import java.util.Objects;

/**
 * What a node tells a {@link WeftApp} about where it runs when it registers it: the node's data
 * directory, under which an app keeps local files (an asset IO manager's folder, caches). {@code
 * weft dev --data-dir DIR} passes {@code DIR}; {@code weft server} passes {@code ./weft-data}.
 *
 * <pre>{@code
 * public void register(WeftEngine engine, AppContext context) {
 *   Assets.builder(engine)
 *       .definitions(AnnotatedAssets.of(new ChainAssets()))
 *       .ioManager(IoManager.DEFAULT, FileIoManager.json(context.dataDir().resolve("assets")))
 *       .build();
 * }
 * }</pre>
 *
 * @param dataDir the node's data directory, absolute and normalized (it may not exist yet)
 */
public record AppContext(Path dataDir) {

  /** The data directory of a node that names none: {@code weft-data} in the working directory. */
  public static final Path DEFAULT_DATA_DIR = Path.of("weft-data");

  /**
   * Makes the directory absolute and normalized.
   *
   * @throws NullPointerException if the directory is null
   */
  public AppContext {
    dataDir = Objects.requireNonNull(dataDir, "dataDir").toAbsolutePath().normalize();
  }

  /** Returns the context of a node whose data directory is {@link #DEFAULT_DATA_DIR}. */
  public static AppContext defaults() {
    return new AppContext(DEFAULT_DATA_DIR);
  }
}
