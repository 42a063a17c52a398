package dev.weft.examples.subscription;

import dev.weft.activity.Activity;
import dev.weft.activity.ActivityInfo;
import java.util.ArrayList;
import java.util.List;

/**
 * {@link EmailActivities} that "send" into memory, so the demo and tests can see what went out.
 * Idempotent: a retried send of the same kind for the same workflow is not sent twice. Thread-safe.
 */
public final class Outbox implements EmailActivities {
  private final List<SentEmail> sent = new ArrayList<>();

  @Override
  public void sendWelcome(String email) {
    send(email, "welcome");
  }

  @Override
  public void sendFollowUp(String email) {
    send(email, "follow-up");
  }

  private synchronized void send(String email, String kind) {
    ActivityInfo info = Activity.getInfo();
    boolean already =
        sent.stream()
            .anyMatch(e -> e.workflowId().equals(info.workflowId()) && e.kind().equals(kind));
    if (!already) {
      sent.add(new SentEmail(info.workflowId(), email, kind, info.startedAt()));
    }
  }

  /** Returns every email sent, in order. */
  public synchronized List<SentEmail> sent() {
    return List.copyOf(sent);
  }

  /** Returns the emails one workflow sent, in order. */
  public synchronized List<SentEmail> sentBy(String workflowId) {
    return sent.stream().filter(e -> e.workflowId().equals(workflowId)).toList();
  }
}
