package dev.weft.examples.subscription;

import java.time.Instant;

/**
 * An email that an {@link Outbox} sent.
 *
 * @param workflowId the workflow that sent it
 * @param to the recipient
 * @param kind {@code welcome} or {@code follow-up}
 * @param sentAt when the sending activity attempt started (engine time)
 */
public record SentEmail(String workflowId, String to, String kind, Instant sentAt) {}
