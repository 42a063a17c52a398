package dev.weft.assets;

/**
 * Stores an asset's value after its compute and loads it for the computes downstream. One IO
 * manager serves many assets; an asset names its own with {@link AssetSpec#ioManager()}, and the
 * {@link Assets} facade is given the IO managers by name.
 *
 * <p>Implement this to keep assets where you need them: an object store, Parquet files, a warehouse
 * table. Three come with Weft: {@link InMemoryIoManager} (tests), {@link FileIoManager} (JSON or
 * raw bytes under a directory) and {@link JdbcIoManager} (rows in a database table).
 *
 * <p><b>Contract.</b> {@link #store} replaces the value of (asset key, partition) atomically: a
 * reader sees the old value or the new one, never a mix, and a failed store leaves the old one. It
 * returns the data version of what it stored, by default the hash of the stored bytes ({@link
 * DataVersion#ofBytes(byte[])}): equal data must give equal versions, since staleness compares
 * them. {@link #load} returns the value stored last, as the input's type. Both may run concurrently
 * for different assets (one call per asset at a time): implementations are thread-safe. Exceptions
 * are reported as an {@link IoManagerException} naming the asset.
 *
 * <pre>{@code
 * final class S3IoManager implements IoManager {
 *   public StoredOutput store(OutputContext out, Object value) throws IOException {
 *     byte[] bytes = json.writeValueAsBytes(value);
 *     s3.put(bucket, out.key().path() + ".json", bytes);
 *     return StoredOutput.ofBytes(bytes);
 *   }
 *   public Object load(InputContext in) throws IOException {
 *     return json.readValue(s3.get(bucket, in.key().path() + ".json"), in.type());
 *   }
 * }
 * }</pre>
 */
public interface IoManager {

  /** The name of the IO manager of an asset that names none. */
  String DEFAULT = "default";

  /**
   * Stores the value of {@code output.key()} for {@code output.partition()}, replacing the previous
   * one atomically.
   *
   * @return the data version of what was stored, and metadata about it (path, size, rows)
   */
  StoredOutput store(OutputContext output, Object value) throws Exception;

  /**
   * Loads the value of {@code input.key()} for {@code input.partition()} as {@code input.type()}.
   *
   * @throws Exception when there is no such value or it cannot be read
   */
  Object load(InputContext input) throws Exception;
}
