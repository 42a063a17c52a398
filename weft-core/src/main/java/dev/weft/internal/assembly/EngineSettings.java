package dev.weft.internal.assembly;

import dev.weft.converter.DataConverter;
import dev.weft.converter.PayloadCodec;
import dev.weft.engine.HistoryLimits;
import dev.weft.engine.WeftClock;
import dev.weft.internal.visibility.SearchAttributeCatalog;
import dev.weft.store.Store;
import io.micrometer.core.instrument.MeterRegistry;
import java.time.Duration;

/**
 * What the engine's builder was told, validated, as the assembly reads it.
 *
 * @param store the store (the engine owns it)
 * @param clock the user's clock
 * @param namespace the namespace this engine works in
 * @param nodeId this engine's identity in leases and history
 * @param dataConverter converts values to payloads
 * @param payloadCodec transforms payload bytes, or null
 * @param maxPayloadBytes the largest accepted payload
 * @param cacheSize how many runs the sticky cache keeps
 * @param deadlockTimeout how long workflow code may run without yielding
 * @param workflowTaskLease how long a workflow task lease lasts
 * @param safetyPoll how often idle loops look at the store without a notification
 * @param stickyWait how long a workflow task waits for the node that has its run cached
 * @param retention how long closed runs are kept
 * @param retentionSweepInterval how often closed runs past their retention are looked for
 * @param searchAttributes the registered search attributes
 * @param historyLimits how long a run's history may grow
 * @param stallWarningAfter how long a task may wait with no worker to take it before it is reported
 * @param meterRegistry where the engine's metrics go, or null for none
 */
public record EngineSettings(
    Store store,
    WeftClock clock,
    String namespace,
    String nodeId,
    DataConverter dataConverter,
    PayloadCodec payloadCodec,
    long maxPayloadBytes,
    int cacheSize,
    Duration deadlockTimeout,
    Duration workflowTaskLease,
    Duration safetyPoll,
    Duration stickyWait,
    Duration retention,
    Duration retentionSweepInterval,
    SearchAttributeCatalog searchAttributes,
    HistoryLimits historyLimits,
    Duration stallWarningAfter,
    MeterRegistry meterRegistry) {}
