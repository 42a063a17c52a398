package dev.weft.assets.internal;

import dev.weft.assets.AssetCheck;
import dev.weft.assets.AssetContext;
import dev.weft.assets.AssetDefinition;
import dev.weft.assets.AssetInput;
import dev.weft.assets.AssetKey;
import dev.weft.assets.AssetOutputs;
import dev.weft.assets.AssetPartitioning;
import dev.weft.assets.AssetSpec;
import dev.weft.assets.AssetsDefinition;
import dev.weft.assets.CheckFunction;
import dev.weft.assets.CheckResult;
import dev.weft.assets.ComputeOptions;
import dev.weft.assets.DataVersion;
import dev.weft.assets.FreshnessPolicy;
import dev.weft.assets.MultiAssetDefinition;
import dev.weft.assets.ObservableSourceAsset;
import dev.weft.assets.annotation.Asset;
import dev.weft.assets.annotation.Check;
import dev.weft.assets.annotation.Input;
import dev.weft.assets.annotation.MultiAsset;
import dev.weft.assets.annotation.ObservableSource;
import dev.weft.assets.annotation.Output;
import dev.weft.assets.automation.AutomationCondition;
import dev.weft.assets.partitions.PartitionMapping;
import dev.weft.assets.partitions.PartitionsDefinition;
import dev.weft.common.RetryPolicy;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.lang.reflect.Parameter;
import java.time.Duration;
import java.time.LocalTime;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/** Turns the annotated methods of one object into definitions. */
public final class AnnotationReader {
  private final Object instance;
  private final List<Method> methods;
  private final NamedMembers members;

  /** Reads the public methods of {@code instance}'s class. */
  public AnnotationReader(Object instance) {
    this.instance = instance;
    this.members = new NamedMembers(instance);
    this.methods =
        Arrays.stream(instance.getClass().getMethods())
            .sorted(Comparator.comparing(Method::getName))
            .toList();
  }

  /** Returns the definitions, checks attached. */
  public List<AssetsDefinition> definitions() {
    Map<AssetKey, List<AssetCheck<?>>> checks = checks();
    List<AssetsDefinition> out = new ArrayList<>();
    Set<AssetKey> defined = new LinkedHashSet<>();
    for (Method m : methods) {
      if (m.isAnnotationPresent(Asset.class)) {
        AssetDefinition def = asset(m, m.getAnnotation(Asset.class), checks);
        defined.add(def.key());
        out.add(def);
      } else if (m.isAnnotationPresent(MultiAsset.class)) {
        MultiAssetDefinition def = multi(m, m.getAnnotation(MultiAsset.class), checks);
        def.outputs().forEach(s -> defined.add(s.key()));
        out.add(def);
      } else if (m.isAnnotationPresent(ObservableSource.class)) {
        ObservableSourceAsset def = source(m, m.getAnnotation(ObservableSource.class));
        defined.add(def.key());
        out.add(def);
      }
    }
    for (AssetKey key : checks.keySet()) {
      if (!defined.contains(key)) {
        throw new IllegalArgumentException(
            "@Check "
                + checks.get(key).get(0).name()
                + " names asset "
                + key
                + ", which "
                + instance.getClass().getName()
                + " does not define");
      }
    }
    return out;
  }

  private AssetDefinition asset(Method m, Asset a, Map<AssetKey, List<AssetCheck<?>>> checks) {
    AssetKey key = AssetKey.of(a.key().isEmpty() ? m.getName() : a.key());
    AssetSpec.Builder spec =
        AssetSpec.builder(key)
            .description(orNull(a.description()))
            .group(orNull(a.group()))
            .codeVersion(orNull(a.codeVersion()))
            .ioManager(orNull(a.ioManager()))
            .owners(a.owners())
            .type(boxed(m.getReturnType()))
            .freshnessPolicy(freshness(m, a.freshnessMaxLag(), a.freshnessDeadline()));
    if (!a.automation().isEmpty()) {
      spec.automation(AutomationCondition.parse(a.automation()));
    }
    for (String tag : a.tags()) {
      int eq = tag.indexOf('=');
      if (eq <= 0) {
        throw new IllegalArgumentException(where(m) + ": tag '" + tag + "' must be name=value");
      }
      spec.tag(tag.substring(0, eq), tag.substring(eq + 1));
    }
    checks.getOrDefault(key, List.of()).forEach(spec::check);
    List<AssetInput<?>> inputs = inputs(m);
    ComputeOptions options = options(m, a.maximumAttempts(), a.startToCloseTimeout());
    return new AssetDefinition(
        spec.build(),
        inputs,
        keys(a.deps()),
        ctx -> invoke(m, ctx, inputs),
        options,
        partitioning(m, a.partitions(), a.maxPartitionsPerRun()));
  }

  private FreshnessPolicy freshness(Method m, String maxLag, String deadline) {
    if (!maxLag.isEmpty() && !deadline.isEmpty()) {
      throw new IllegalArgumentException(
          where(m) + ": give freshnessMaxLag or freshnessDeadline, not both");
    }
    try {
      if (!maxLag.isEmpty()) {
        return FreshnessPolicy.maxLag(Duration.parse(maxLag));
      }
      if (!deadline.isEmpty()) {
        return FreshnessPolicy.partitionDeadline(LocalTime.parse(deadline));
      }
    } catch (DateTimeParseException e) {
      throw new IllegalArgumentException(
          where(m)
              + ": freshness '"
              + (maxLag.isEmpty() ? deadline : maxLag)
              + "' must be an ISO-8601 duration (PT1H) for freshnessMaxLag or HH:MM for"
              + " freshnessDeadline",
          e);
    }
    return null;
  }

  private MultiAssetDefinition multi(
      Method m, MultiAsset a, Map<AssetKey, List<AssetCheck<?>>> checks) {
    if (!AssetOutputs.class.equals(m.getReturnType())) {
      throw new IllegalArgumentException(where(m) + ": a @MultiAsset method returns AssetOutputs");
    }
    List<AssetSpec> outputs = new ArrayList<>();
    for (Output o : a.outputs()) {
      AssetSpec.Builder spec =
          AssetSpec.builder(o.key())
              .type(o.type())
              .group(orNull(o.group()))
              .description(orNull(o.description()))
              .codeVersion(orNull(o.codeVersion()))
              .ioManager(orNull(o.ioManager()))
              .freshnessPolicy(freshness(m, o.freshnessMaxLag(), o.freshnessDeadline()));
      if (!o.automation().isEmpty()) {
        spec.automation(AutomationCondition.parse(o.automation()));
      }
      checks.getOrDefault(AssetKey.of(o.key()), List.of()).forEach(spec::check);
      outputs.add(spec.build());
    }
    List<AssetInput<?>> inputs = inputs(m);
    return new MultiAssetDefinition(
        a.name().isEmpty() ? m.getName() : a.name(),
        outputs,
        inputs,
        keys(a.deps()),
        ctx -> (AssetOutputs) invoke(m, ctx, inputs),
        options(m, a.maximumAttempts(), ""),
        partitioning(m, a.partitions(), a.maxPartitionsPerRun()));
  }

  private ObservableSourceAsset source(Method m, ObservableSource a) {
    if (!DataVersion.class.equals(m.getReturnType())) {
      throw new IllegalArgumentException(
          where(m) + ": an @ObservableSource method returns DataVersion");
    }
    List<AssetInput<?>> inputs = inputs(m);
    if (!inputs.isEmpty()) {
      throw new IllegalArgumentException(where(m) + ": an @ObservableSource method has no @Input");
    }
    AssetSpec spec =
        AssetSpec.builder(a.key().isEmpty() ? m.getName() : a.key())
            .group(orNull(a.group()))
            .description(orNull(a.description()))
            .type(Void.class)
            .build();
    return new ObservableSourceAsset(
        spec,
        ctx -> (DataVersion) invoke(m, ctx, inputs),
        ComputeOptions.DEFAULT,
        partitioning(m, a.partitions(), 1));
  }

  private AssetPartitioning partitioning(Method m, String partitions, int maxPartitionsPerRun) {
    PartitionsDefinition definition =
        partitions.isEmpty()
            ? PartitionsDefinition.unpartitioned()
            : members.value(where(m), "partitions", partitions, PartitionsDefinition.class);
    Map<AssetKey, PartitionMapping> mappings = new LinkedHashMap<>();
    for (Parameter p : m.getParameters()) {
      Input in = p.getAnnotation(Input.class);
      if (in != null && !in.mapping().isEmpty()) {
        mappings.put(
            AssetKey.of(in.value()),
            members.value(where(m), "mapping", in.mapping(), PartitionMapping.class));
      }
    }
    try {
      return new AssetPartitioning(definition, mappings, maxPartitionsPerRun);
    } catch (IllegalArgumentException e) {
      throw new IllegalArgumentException(where(m) + ": " + e.getMessage(), e);
    }
  }

  private Map<AssetKey, List<AssetCheck<?>>> checks() {
    Map<AssetKey, List<AssetCheck<?>>> out = new LinkedHashMap<>();
    for (Method m : methods) {
      Check c = m.getAnnotation(Check.class);
      if (c == null) {
        continue;
      }
      Class<?> r = m.getReturnType();
      if (m.getParameterCount() != 1
          || !(r.equals(CheckResult.class) || r.equals(boolean.class) || r.equals(Boolean.class))) {
        throw new IllegalArgumentException(
            where(m)
                + ": a @Check method takes the asset's value and returns CheckResult or boolean");
      }
      CheckFunction<Object> fn =
          value -> {
            Object result = call(m, new Object[] {value});
            return result instanceof CheckResult cr ? cr : CheckResult.of((Boolean) result);
          };
      AssetCheck<Object> check =
          new AssetCheck<>(
              c.name().isEmpty() ? m.getName() : c.name(),
              c.severity(),
              c.blocking(),
              orNull(c.description()),
              fn);
      out.computeIfAbsent(AssetKey.of(c.asset()), k -> new ArrayList<>()).add(check);
    }
    return out;
  }

  private List<AssetInput<?>> inputs(Method m) {
    List<AssetInput<?>> inputs = new ArrayList<>();
    for (Parameter p : m.getParameters()) {
      Input in = p.getAnnotation(Input.class);
      if (in != null) {
        inputs.add(
            new AssetInput<>(
                AssetKey.of(in.value()), boxed(p.getType()), p.getParameterizedType()));
      } else if (!AssetContext.class.equals(p.getType())) {
        throw new IllegalArgumentException(
            where(m)
                + ": parameter "
                + p.getName()
                + " needs @Input(\"upstream/key\") or must be an AssetContext");
      }
    }
    return inputs;
  }

  private Object invoke(Method m, AssetContext ctx, List<AssetInput<?>> inputs) throws Exception {
    Parameter[] params = m.getParameters();
    Object[] args = new Object[params.length];
    int next = 0;
    for (int i = 0; i < params.length; i++) {
      args[i] = params[i].isAnnotationPresent(Input.class) ? ctx.input(inputs.get(next++)) : ctx;
    }
    return call(m, args);
  }

  private Object call(Method m, Object[] args) throws Exception {
    try {
      return m.invoke(instance, args);
    } catch (InvocationTargetException e) {
      if (e.getCause() instanceof Exception cause) {
        throw cause;
      }
      throw e;
    }
  }

  private ComputeOptions options(Method m, int maximumAttempts, String timeout) {
    ComputeOptions options =
        ComputeOptions.DEFAULT.withRetryPolicy(
            RetryPolicy.newBuilder().maximumAttempts(maximumAttempts).build());
    if (timeout.isEmpty()) {
      return options;
    }
    try {
      return options.withStartToCloseTimeout(Duration.parse(timeout));
    } catch (DateTimeParseException e) {
      throw new IllegalArgumentException(
          where(m) + ": startToCloseTimeout '" + timeout + "' is not an ISO-8601 duration", e);
    }
  }

  private String where(Method m) {
    return m.getDeclaringClass().getName() + "." + m.getName();
  }

  private static Set<AssetKey> keys(String[] paths) {
    Set<AssetKey> keys = new LinkedHashSet<>();
    for (String p : paths) {
      keys.add(AssetKey.of(p));
    }
    return keys;
  }

  private static String orNull(String s) {
    return s.isEmpty() ? null : s;
  }

  /** Returns the wrapper of a primitive type, the type otherwise. */
  public static Class<?> boxed(Class<?> t) {
    if (!t.isPrimitive()) {
      return t;
    }
    return switch (t.getName()) {
      case "int" -> Integer.class;
      case "long" -> Long.class;
      case "double" -> Double.class;
      case "float" -> Float.class;
      case "boolean" -> Boolean.class;
      case "short" -> Short.class;
      case "byte" -> Byte.class;
      case "char" -> Character.class;
      default -> Void.class;
    };
  }
}
