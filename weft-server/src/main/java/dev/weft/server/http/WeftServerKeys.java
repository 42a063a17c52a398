package dev.weft.server.http;

import io.javalin.config.Key;

/** Values the server puts in Javalin's app data for its handlers. */
public final class WeftServerKeys {
  /** The request body limit in bytes. */
  public static final Key<Long> MAX_REQUEST_BYTES = new Key<>("weft.maxRequestBytes");

  private WeftServerKeys() {}
}
