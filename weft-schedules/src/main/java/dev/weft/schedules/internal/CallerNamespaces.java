package dev.weft.schedules.internal;

import dev.weft.activity.Activity;
import dev.weft.activity.ActivityInfo;
import dev.weft.client.WeftClient;
import dev.weft.engine.NamespaceDescription;
import dev.weft.engine.WeftEngine;
import dev.weft.failure.WorkflowNotFoundException;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;

/**
 * The client of the namespace of the workflow run that called the current activity. An activity
 * does not know its workflow's namespace, and a trigger created in namespace X must start, signal
 * and follow its runs in X: the run is looked up by its ID (unique across namespaces), in the
 * engine's own namespace first, and remembered.
 */
final class CallerNamespaces {
  private static final int REMEMBERED = 10_000;

  private final WeftEngine engine;
  private final Map<String, String> namespaceByRun =
      new LinkedHashMap<>(16, 0.75f, true) {
        @Override
        protected boolean removeEldestEntry(Map.Entry<String, String> eldest) {
          return size() > REMEMBERED;
        }
      };

  CallerNamespaces(WeftEngine engine) {
    this.engine = Objects.requireNonNull(engine, "engine");
  }

  /**
   * Returns the client of the calling run's namespace; the engine's own client when the activity
   * was not called by a workflow run the engine can find.
   */
  WeftClient client() {
    ActivityInfo info = Activity.getInfo();
    String namespace;
    synchronized (namespaceByRun) {
      namespace = namespaceByRun.get(info.runId());
    }
    if (namespace == null) {
      namespace = find(info.workflowId(), info.runId());
      synchronized (namespaceByRun) {
        namespaceByRun.put(info.runId(), namespace);
      }
    }
    return engine.client(namespace);
  }

  private String find(String workflowId, String runId) {
    if (holds(engine.client(), workflowId, runId)) {
      return engine.namespace();
    }
    for (NamespaceDescription ns : engine.namespaces().list()) {
      if (!ns.name().equals(engine.namespace())
          && holds(engine.client(ns.name()), workflowId, runId)) {
        return ns.name();
      }
    }
    return engine.namespace();
  }

  private static boolean holds(WeftClient client, String workflowId, String runId) {
    try {
      client.getHandle(workflowId, runId).describe();
      return true;
    } catch (WorkflowNotFoundException e) {
      return false;
    }
  }
}
