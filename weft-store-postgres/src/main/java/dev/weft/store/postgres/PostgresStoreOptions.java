package dev.weft.store.postgres;

import dev.weft.store.jdbc.JdbcExtension;
import dev.weft.store.jdbc.TransactionHook;
import java.time.Duration;
import java.util.List;
import java.util.Objects;
import java.util.UUID;
import java.util.regex.Pattern;

/**
 * How to open a {@link PostgresStore}. Each open store holds {@code readConnections + 2}
 * connections: one writer (every write of the process, group-committed), the readers, and one that
 * listens for other processes' notifications; one more with {@link #claimConnection}. Size
 * PostgreSQL's {@code max_connections} for the sum over all nodes.
 *
 * <pre>{@code
 * PostgresStore store = PostgresStore.open(
 *     PostgresStoreOptions.of("postgres://weft:secret@db:5432/weft").readConnections(8));
 * }</pre>
 */
public final class PostgresStoreOptions {
  private static final Pattern SCHEMA = Pattern.compile("[a-z_][a-z0-9_]{0,62}");

  private final PostgresUrl url;
  private String schema;
  private int readConnections = 4;
  private int maxGroup = 128;
  private boolean migrate;
  private boolean createSchema = true;
  private String nodeId = "node-" + UUID.randomUUID().toString().substring(0, 8);
  private Duration connectTimeout = Duration.ofSeconds(10);
  private boolean claimConnection;
  private TransactionHook hook = TransactionHook.NONE;
  private List<JdbcExtension> extensions;

  private PostgresStoreOptions(PostgresUrl url) {
    this.url = Objects.requireNonNull(url, "url");
  }

  /**
   * Options for the database at {@code url} ({@code postgres://...} or {@code
   * jdbc:postgresql:...}).
   */
  public static PostgresStoreOptions of(String url) {
    return new PostgresStoreOptions(PostgresUrl.parse(url));
  }

  /** Options for the database at {@code url}. */
  public static PostgresStoreOptions of(PostgresUrl url) {
    return new PostgresStoreOptions(url);
  }

  /**
   * Keeps Weft's tables in this schema (created if missing) instead of the connection's default
   * one, so that several Weft installations can share a database.
   *
   * @throws IllegalArgumentException unless the name is lower-case letters, digits and underscores
   */
  public PostgresStoreOptions schema(String schema) {
    if (schema != null && !SCHEMA.matcher(schema).matches()) {
      throw new IllegalArgumentException(
          "schema must be lower-case letters, digits and underscores, starting with a letter"
              + " or underscore, at most 63 characters; was '"
              + schema
              + "'");
    }
    this.schema = schema;
    return this;
  }

  /** The number of connections for reads (describe, list, history); default 4. */
  public PostgresStoreOptions readConnections(int readConnections) {
    if (readConnections < 1) {
      throw new IllegalArgumentException("readConnections must be >= 1, was " + readConnections);
    }
    this.readConnections = readConnections;
    return this;
  }

  /** The most batches committed in one transaction (group commit); default 128. */
  public PostgresStoreOptions maxGroup(int maxGroup) {
    if (maxGroup < 1) {
      throw new IllegalArgumentException("maxGroup must be >= 1, was " + maxGroup);
    }
    this.maxGroup = maxGroup;
    return this;
  }

  /**
   * Whether claims and heartbeats get a writer connection of their own (default false). With it, a
   * worker's claim does not wait behind the group of batches the writer is committing: when it was
   * added, a quiet key's task latency under a backlog went from p50/p99 18/93 ms to 14/82 ms with
   * one node ({@code weft bench fairness --store postgres}, one run each). But with three nodes on
   * one database throughput fell from about 1,700 to about 1,100 steps/s ({@code weft bench
   * cluster}): more steps lost the race to move their run on in the process that had just run the
   * activity, and went the slower way, through the run's inbox and a claimed workflow task. Worth
   * it for latency-sensitive queues served by one or few nodes.
   */
  public PostgresStoreOptions claimConnection(boolean claimConnection) {
    this.claimConnection = claimConnection;
    return this;
  }

  /**
   * Whether to upgrade a schema older than this code (default false: an older schema is refused, so
   * that one node of an old version is not broken by another's upgrade behind its back). An empty
   * database always gets the schema.
   */
  public PostgresStoreOptions migrate(boolean migrate) {
    this.migrate = migrate;
    return this;
  }

  /**
   * Whether an empty database (or schema) gets Weft's schema when the store opens (default true).
   * Tools that only read and repair a store (the {@code weft workflow} commands) turn it off, so
   * that a mistyped database is refused, naming it, instead of being given an empty store.
   */
  public PostgresStoreOptions createSchema(boolean createSchema) {
    this.createSchema = createSchema;
    return this;
  }

  /**
   * This process's name among the nodes sharing the database: shown as the connections' application
   * name; a random one by default.
   */
  public PostgresStoreOptions nodeId(String nodeId) {
    this.nodeId = Objects.requireNonNull(nodeId, "nodeId");
    return this;
  }

  /** How long opening a connection may take before the store gives up; default 10 s. */
  public PostgresStoreOptions connectTimeout(Duration connectTimeout) {
    if (connectTimeout.isNegative() || connectTimeout.toSeconds() < 1) {
      throw new IllegalArgumentException(
          "connectTimeout must be at least 1 s, was " + connectTimeout);
    }
    this.connectTimeout = connectTimeout;
    return this;
  }

  /** Observes the writer's commits (fault injection in tests). */
  public PostgresStoreOptions hook(TransactionHook hook) {
    this.hook = Objects.requireNonNull(hook, "hook");
    return this;
  }

  /**
   * Installs exactly these store extensions, in this order, instead of those the class path
   * declares ({@link JdbcExtension#discovered()}, the default, which includes update outcomes, the
   * engine's need for workflow updates). Every node sharing a database should install the same.
   */
  public PostgresStoreOptions extensions(List<JdbcExtension> extensions) {
    this.extensions = List.copyOf(extensions);
    return this;
  }

  PostgresUrl url() {
    return url;
  }

  String schema() {
    return schema;
  }

  int readConnections() {
    return readConnections;
  }

  int maxGroup() {
    return maxGroup;
  }

  boolean claimConnection() {
    return claimConnection;
  }

  boolean migrate() {
    return migrate;
  }

  boolean createSchema() {
    return createSchema;
  }

  String nodeId() {
    return nodeId;
  }

  Duration connectTimeout() {
    return connectTimeout;
  }

  TransactionHook hook() {
    return hook;
  }

  /** The extensions to install: those set, or else those the class path declares. */
  List<JdbcExtension> extensions() {
    return extensions != null ? extensions : JdbcExtension.discovered();
  }
}
