package dev.weft.assets;

import dev.weft.assets.automation.AutomationCondition;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.regex.Pattern;

/**
 * What the catalog knows about one asset, apart from how it is produced: its key, description,
 * group, owners, tags, metadata, code version, IO manager, output type, checks and freshness
 * policy. A single asset has one spec, a multi-asset one per output.
 *
 * <pre>{@code
 * AssetSpec spec = AssetSpec.builder("chain/raw_blocks")
 *     .group("chain").codeVersion("v1").type(RawBlocks.class).build();
 * }</pre>
 *
 * @param key the asset's key
 * @param description what it is, or {@code null}
 * @param group its group ({@value #DEFAULT_GROUP} unless set)
 * @param owners its owners (e-mail addresses or team names)
 * @param tags its tags, selectable with {@code tag:k=v}
 * @param metadata static metadata shown in the catalog
 * @param codeVersion the version of its code, or {@code null}; a change makes a materialized asset
 *     stale
 * @param ioManager the name of the IO manager that stores it ({@value IoManager#DEFAULT} unless
 *     set)
 * @param type the type of its value ({@code Object.class} when unknown; {@code Void.class} for an
 *     observable source without a value)
 * @param checks the checks run after each materialization
 * @param freshnessPolicy how fresh it must be, or {@code null}
 * @param automation when automation materializes it ({@link AutomationCondition}); null for never
 */
public record AssetSpec(
    AssetKey key,
    String description,
    String group,
    List<String> owners,
    Map<String, String> tags,
    Map<String, String> metadata,
    String codeVersion,
    String ioManager,
    Class<?> type,
    List<AssetCheck<?>> checks,
    FreshnessPolicy freshnessPolicy,
    AutomationCondition automation) {

  /** The group of an asset that names none. */
  public static final String DEFAULT_GROUP = "default";

  private static final Pattern NAME = Pattern.compile("[A-Za-z0-9_]+");

  /**
   * Validates the spec.
   *
   * @throws IllegalArgumentException naming a bad group, IO manager name, blank code version or two
   *     checks of one name
   */
  public AssetSpec {
    Objects.requireNonNull(key, "AssetSpec.key");
    group = group == null ? DEFAULT_GROUP : group;
    requireName(key, "group", group);
    ioManager = ioManager == null ? IoManager.DEFAULT : ioManager;
    requireName(key, "ioManager", ioManager);
    if (codeVersion != null && codeVersion.isBlank()) {
      throw new IllegalArgumentException("asset " + key + ": codeVersion must not be blank");
    }
    owners = List.copyOf(owners);
    tags = Map.copyOf(tags);
    metadata = Map.copyOf(metadata);
    type = type == null ? Object.class : type;
    checks = List.copyOf(checks);
    List<String> names = new ArrayList<>();
    for (AssetCheck<?> check : checks) {
      if (names.contains(check.name())) {
        throw new IllegalArgumentException(
            "asset " + key + ": two checks are named '" + check.name() + "'");
      }
      names.add(check.name());
    }
  }

  private static void requireName(AssetKey key, String field, String value) {
    if (!NAME.matcher(value).matches()) {
      throw new IllegalArgumentException(
          "asset " + key + ": " + field + " '" + value + "' must match [A-Za-z0-9_]+");
    }
  }

  /** Returns a builder for the asset at {@code path}. */
  public static Builder builder(String path) {
    return new Builder(AssetKey.of(path));
  }

  /** Returns a builder for the asset {@code key}. */
  public static Builder builder(AssetKey key) {
    return new Builder(key);
  }

  /** Builds an {@link AssetSpec}; not thread-safe. */
  public static final class Builder {
    private final AssetKey key;
    private String description;
    private String group;
    private final List<String> owners = new ArrayList<>();
    private final Map<String, String> tags = new LinkedHashMap<>();
    private final Map<String, String> metadata = new LinkedHashMap<>();
    private String codeVersion;
    private String ioManager;
    private Class<?> type;
    private final List<AssetCheck<?>> checks = new ArrayList<>();
    private FreshnessPolicy freshnessPolicy;
    private AutomationCondition automation;

    Builder(AssetKey key) {
      this.key = Objects.requireNonNull(key, "key");
    }

    /** Sets the description. */
    public Builder description(String text) {
      this.description = text;
      return this;
    }

    /** Sets the group. */
    public Builder group(String name) {
      this.group = name;
      return this;
    }

    /** Adds owners. */
    public Builder owners(String... names) {
      owners.addAll(List.of(names));
      return this;
    }

    /** Adds a tag. */
    public Builder tag(String name, String value) {
      tags.put(name, value);
      return this;
    }

    /** Adds a static metadata entry. */
    public Builder metadata(String name, String value) {
      metadata.put(name, value);
      return this;
    }

    /** Sets the code version. */
    public Builder codeVersion(String version) {
      this.codeVersion = version;
      return this;
    }

    /** Sets the name of the IO manager that stores the asset. */
    public Builder ioManager(String name) {
      this.ioManager = name;
      return this;
    }

    /** Sets the type of the asset's value. */
    public Builder type(Class<?> valueType) {
      this.type = valueType;
      return this;
    }

    /** Adds a check. */
    public Builder check(AssetCheck<?> check) {
      checks.add(Objects.requireNonNull(check, "check"));
      return this;
    }

    /** Sets the freshness policy (none unless set). */
    public Builder freshnessPolicy(FreshnessPolicy policy) {
      this.freshnessPolicy = policy;
      return this;
    }

    /**
     * Sets the condition on which automation materializes the asset (none unless set); the keys it
     * names are checked when the graph is built.
     */
    public Builder automation(AutomationCondition condition) {
      this.automation = Objects.requireNonNull(condition, "condition");
      return this;
    }

    /** Returns the spec. */
    public AssetSpec build() {
      return new AssetSpec(
          key,
          description,
          group,
          owners,
          tags,
          metadata,
          codeVersion,
          ioManager,
          type,
          checks,
          freshnessPolicy,
          automation);
    }
  }
}
