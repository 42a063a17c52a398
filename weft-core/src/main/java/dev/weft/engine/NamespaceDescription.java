package dev.weft.engine;

import java.time.Duration;
import java.time.Instant;

/**
 * A namespace as the catalog holds it ({@link Namespaces#describe}).
 *
 * @param name the namespace's name
 * @param description its description; empty if none
 * @param retention how long its closed runs are kept
 * @param createTime when it was created
 * @param updateTime when it last changed (its create time until then)
 */
public record NamespaceDescription(
    String name, String description, Duration retention, Instant createTime, Instant updateTime) {}
