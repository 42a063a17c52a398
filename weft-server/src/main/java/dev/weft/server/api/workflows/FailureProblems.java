package dev.weft.server.api.workflows;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.weft.failure.QueryFailedException;
import dev.weft.failure.UpdateFailedException;
import dev.weft.failure.UpdateRejectedException;
import dev.weft.failure.WeftException;
import dev.weft.server.http.ApiJson;
import dev.weft.server.http.ApiProblem;
import dev.weft.server.http.ProblemResponses;
import io.javalin.http.Context;
import io.javalin.http.Handler;
import java.util.concurrent.CompletionException;
import java.util.concurrent.TimeoutException;
import java.util.function.Supplier;

/**
 * Calls of the client that wait (queries, updates) and may end in what the workflow code threw:
 * {@code update-rejected}, {@code update-failed} and {@code query-failed} become 422 {@code
 * WorkflowFailureProblem} documents that carry the {@code failure}; a wait that ran out becomes 504
 * with the given slug; other engine exceptions go on to {@link ProblemResponses}.
 */
final class FailureProblems {
  private FailureProblems() {}

  /** A refusal whose problem document carries the failure the workflow code threw. */
  static final class Refusal extends RuntimeException {
    private final transient WeftException engine;

    Refusal(WeftException engine) {
      super(engine.getMessage(), engine, false, false);
      this.engine = engine;
    }
  }

  /**
   * Runs {@code call}, turning what the workflow threw into a {@link Refusal} and a wait that ran
   * out into a 504.
   *
   * @param timeoutSlug the problem type of a wait that ran out ({@code query-timed-out})
   */
  static <T> T call(String timeoutSlug, Supplier<T> call) {
    try {
      return call.get();
    } catch (CompletionException e) {
      Throwable cause = e.getCause();
      if (cause instanceof TimeoutException) {
        throw ApiProblem.of(504, timeoutSlug, "Timed out", cause.getMessage());
      }
      if (cause instanceof WeftException w) {
        throw refusal(w);
      }
      throw e;
    } catch (WeftException e) {
      throw refusal(e);
    }
  }

  /** {@code handler}, with a {@link Refusal} it throws written as its problem document. */
  static Handler writing(Handler handler) {
    return ctx -> {
      try {
        handler.handle(ctx);
      } catch (Refusal r) {
        write(ctx, r.engine);
      }
    };
  }

  private static RuntimeException refusal(WeftException e) {
    return switch (e) {
      case UpdateRejectedException x -> new Refusal(e);
      case UpdateFailedException x -> new Refusal(e);
      case QueryFailedException x -> new Refusal(e);
      default -> e;
    };
  }

  private static void write(Context ctx, WeftException e) {
    ApiProblem p = ProblemResponses.fromEngine(e);
    ObjectNode doc = ApiJson.MAPPER.createObjectNode();
    doc.put("type", p.type());
    doc.put("title", p.title());
    doc.put("status", p.status());
    doc.put("detail", String.valueOf(e.getMessage()));
    doc.put("instance", ctx.path());
    doc.set(
        "failure",
        ApiJson.MAPPER.valueToTree(
            WorkflowFailureDocument.of(e.getCause() != null ? e.getCause() : e)));
    new java.util.TreeMap<>(p.members())
        .forEach((name, member) -> doc.set(name, ApiJson.MAPPER.valueToTree(member)));
    ApiJson.write(ctx, p.status(), doc);
    ctx.contentType(ProblemResponses.CONTENT_TYPE);
  }
}
