package dev.weft.store.tokens;

import dev.weft.store.StoreException;
import java.util.List;
import java.util.Optional;

/**
 * Reads the API tokens that {@link InsertApiToken} recorded. Obtained from a {@link
 * dev.weft.store.Store} with the api-tokens extension installed (every SQL store by default):
 *
 * <pre>{@code
 * Optional<StoredApiToken> token = store.extension(StoredApiTokens.class).findBySecretHash(hash);
 * }</pre>
 *
 * <p>Thread-safe; reads what was committed when it runs.
 */
public interface StoredApiTokens {

  /**
   * Returns the token whose secret has this SHA-256 hash, revoked or not; empty if none has.
   *
   * @throws StoreException if the store failed
   */
  Optional<StoredApiToken> findBySecretHash(byte[] secretHash);

  /**
   * Returns the token with this ID, revoked or not; empty if none has it.
   *
   * @throws StoreException if the store failed
   */
  Optional<StoredApiToken> find(String tokenId);

  /**
   * Returns every token, revoked ones included, oldest first (ties by ID).
   *
   * @throws StoreException if the store failed
   */
  List<StoredApiToken> list();
}
