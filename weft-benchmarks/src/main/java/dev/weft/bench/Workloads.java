package dev.weft.bench;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** The workloads {@code weft bench} knows, by name. */
public final class Workloads {
  private static final Map<String, Workload> ALL = new LinkedHashMap<>();

  static {
    for (Workload w :
        List.of(
            new SequentialWorkload(),
            new FanoutWorkload(),
            new ChainWorkload(),
            new StartWorkload(),
            new TimersWorkload(),
            new RecoveryWorkload(),
            new ClusterWorkload(),
            new FairnessWorkload(),
            new ApiStartWorkload(),
            new RemoteActivitiesWorkload(),
            new AssetsWorkload(),
            new AutomationWorkload(),
            new PartitionsWorkload(),
            new SchedulesWorkload(),
            new SensorsWorkload())) {
      ALL.put(w.name(), w);
    }
  }

  private Workloads() {}

  /** Returns the workload with this name. */
  public static Optional<Workload> find(String name) {
    return Optional.ofNullable(ALL.get(name));
  }

  /** Returns every workload, in a stable order. */
  public static List<Workload> all() {
    return List.copyOf(ALL.values());
  }
}
