package dev.weft.store.jdbc;

import dev.weft.store.StoreException;
import dev.weft.store.Write;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.regex.Pattern;

/** Checks and installs the {@link JdbcExtension}s of a store while it is built. */
final class Extensions {
  private static final Pattern NAME = Pattern.compile("[a-z][a-z0-9-]{0,62}");

  private Extensions() {}

  /**
   * Returns the extensions, checked: none null, each with a well-formed name, no name twice.
   *
   * @throws StoreException naming the extension at fault
   */
  static List<JdbcExtension> checked(List<JdbcExtension> extensions) {
    Objects.requireNonNull(extensions, "extensions");
    Set<String> names = new HashSet<>();
    for (JdbcExtension extension : extensions) {
      Objects.requireNonNull(extension, "a store extension is null");
      String name = extension.name();
      if (name == null || !NAME.matcher(name).matches()) {
        throw new StoreException(
            "store extension "
                + extension.getClass().getName()
                + " has the name '"
                + name
                + "'; a name is lower-case letters, digits and dashes, starting with a letter,"
                + " at most 63 characters");
      }
      if (!names.add(name)) {
        throw new StoreException(
            "two store extensions are named '" + name + "': " + classesNamed(extensions, name));
      }
    }
    return List.copyOf(extensions);
  }

  /** The names of the extensions, for messages: {@code [update-outcomes, notes]}. */
  static String names(List<JdbcExtension> extensions) {
    return extensions.stream().map(JdbcExtension::name).toList().toString();
  }

  /**
   * Installs the extensions: their appliers go into {@code appliers}, and the reads they offer are
   * returned by type.
   *
   * @throws StoreException if two of them (or one and the core) claim the same write or reads type
   */
  static Map<Class<?>, Object> install(
      List<JdbcExtension> extensions, Dialect dialect, JdbcReads readPool, Appliers appliers) {
    Map<Class<?>, Object> reads = new HashMap<>();
    Map<Class<?>, String> readOwners = new HashMap<>();
    for (JdbcExtension extension : extensions) {
      Registration registration =
          new Registration(
              "extension '" + extension.name() + "'",
              dialect,
              readPool,
              appliers,
              reads,
              readOwners);
      try {
        extension.install(registration);
      } finally {
        registration.open = false;
      }
    }
    return Map.copyOf(reads);
  }

  /**
   * What one extension registers while it is installed; refused afterwards, since the writer reads
   * the appliers without locks once the store runs.
   */
  private static final class Registration implements JdbcExtension.Registry {
    private final String owner;
    private final Dialect dialect;
    private final JdbcReads readPool;
    private final Appliers appliers;
    private final Map<Class<?>, Object> reads;
    private final Map<Class<?>, String> readOwners;
    private boolean open = true;

    Registration(
        String owner,
        Dialect dialect,
        JdbcReads readPool,
        Appliers appliers,
        Map<Class<?>, Object> reads,
        Map<Class<?>, String> readOwners) {
      this.owner = owner;
      this.dialect = dialect;
      this.readPool = readPool;
      this.appliers = appliers;
      this.reads = reads;
      this.readOwners = readOwners;
    }

    @Override
    public Dialect dialect() {
      return dialect;
    }

    @Override
    public JdbcReads readPool() {
      return readPool;
    }

    @Override
    public <W extends Write> JdbcExtension.Registry write(
        Class<W> type, WriteApplier<? super W> applier) {
      Objects.requireNonNull(type, "type");
      Objects.requireNonNull(applier, "applier");
      checkOpen();
      appliers.add(type, applier::apply, owner);
      return this;
    }

    @Override
    public <T> JdbcExtension.Registry reads(Class<T> type, T offered) {
      Objects.requireNonNull(type, "type");
      checkOpen();
      if (!type.isInstance(offered)) {
        throw new StoreException(
            owner + " offers " + offered + " as reads of " + type.getName() + ", not one");
      }
      String before = readOwners.putIfAbsent(type, owner);
      if (before != null) {
        throw new StoreException(
            owner + " and " + before + " both offer reads of " + type.getName());
      }
      reads.put(type, offered);
      return this;
    }

    private void checkOpen() {
      if (!open) {
        throw new IllegalStateException(
            owner + " registers after its install() returned; register only during install()");
      }
    }
  }

  private static List<String> classesNamed(List<JdbcExtension> extensions, String name) {
    return extensions.stream()
        .filter(e -> name.equals(e.name()))
        .map(e -> e.getClass().getName())
        .toList();
  }
}
