package dev.weft.server.auth;

/** Thrown when no API token has the ID asked for. */
public final class ApiTokenNotFoundException extends RuntimeException {
  private final String tokenId;

  /** Creates the error naming the ID. */
  public ApiTokenNotFoundException(String tokenId) {
    super("no API token " + tokenId);
    this.tokenId = tokenId;
  }

  /** The ID no token has. */
  public String tokenId() {
    return tokenId;
  }
}
