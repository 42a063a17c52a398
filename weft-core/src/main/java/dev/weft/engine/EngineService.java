package dev.weft.engine;

/**
 * Something that runs while an engine runs ({@link WeftEngine#addService}): started after the
 * engine's workers, closed before they stop. Both methods are called once, under the engine's
 * lifecycle lock: keep them quick (start a thread, signal it to stop and join it).
 */
public interface EngineService extends AutoCloseable {

  /** Starts the service. */
  void start();

  /** Stops the service; must not throw checked exceptions. */
  @Override
  void close();
}
