package dev.weft.server.api.schedules;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.exc.InvalidTypeIdException;
import dev.weft.client.WeftClient;
import dev.weft.failure.WorkflowNotFoundException;
import dev.weft.schedules.InvalidScheduleSpecException;
import dev.weft.schedules.OverlapPolicy;
import dev.weft.schedules.ScheduleAlreadyExistsException;
import dev.weft.schedules.ScheduleDefinition;
import dev.weft.schedules.ScheduleDescription;
import dev.weft.schedules.ScheduleFiring;
import dev.weft.schedules.ScheduleNotFoundException;
import dev.weft.schedules.ScheduleSpec;
import dev.weft.schedules.Schedules;
import dev.weft.schedules.TriggerAction;
import dev.weft.server.api.QueryParams;
import dev.weft.server.api.ServedNamespaces;
import dev.weft.server.api.schedules.ScheduleDocuments.Accepted;
import dev.weft.server.api.schedules.ScheduleDocuments.BackfillBody;
import dev.weft.server.api.schedules.ScheduleDocuments.Body;
import dev.weft.server.api.schedules.ScheduleDocuments.Firing;
import dev.weft.server.api.schedules.ScheduleDocuments.NoteBody;
import dev.weft.server.api.schedules.ScheduleDocuments.Page;
import dev.weft.server.api.schedules.ScheduleDocuments.Schedule;
import dev.weft.server.api.schedules.ScheduleDocuments.Summary;
import dev.weft.server.http.ApiJson;
import dev.weft.server.http.ApiProblem;
import dev.weft.server.http.ApiRole;
import dev.weft.server.http.ApiRoutes;
import dev.weft.server.http.RouteGroup;
import io.javalin.http.Context;
import java.time.Clock;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.function.Supplier;

/**
 * Schedules over HTTP ({@link Schedules#client}: any node answers; the schedule workflows run on
 * the nodes that built {@code Schedules.builder(engine)}): list, create, describe with the next
 * fire times and recent firings, update, pause and unpause with a note, trigger now, backfill a
 * past range and delete, in the namespace of the path.
 */
public final class ScheduleRoutes implements RouteGroup {
  private static final String BASE = "/api/v1/namespaces/{namespace}/schedules";
  private static final String ONE = BASE + "/{scheduleId}";
  private static final int MAX_NEXT = 1000;

  private final ServedNamespaces namespaces;
  private final Clock clock;

  /** The schedule routes for the namespaces {@code namespaces} serves. */
  public ScheduleRoutes(ServedNamespaces namespaces) {
    this.namespaces = Objects.requireNonNull(namespaces, "namespaces");
    this.clock = Clock.systemUTC();
  }

  @Override
  public void addTo(ApiRoutes routes) {
    routes
        .get(BASE, ApiRole.READER, this::list)
        .post(BASE, ApiRole.OPERATOR, this::create)
        .get(ONE, ApiRole.READER, this::describe)
        .put(ONE, ApiRole.OPERATOR, this::update)
        .delete(ONE, ApiRole.OPERATOR, this::delete)
        .post(ONE + "/pause", ApiRole.OPERATOR, ctx -> note(ctx, true))
        .post(ONE + "/unpause", ApiRole.OPERATOR, ctx -> note(ctx, false))
        .post(ONE + "/trigger", ApiRole.OPERATOR, this::trigger)
        .post(ONE + "/backfill", ApiRole.OPERATOR, this::backfill);
  }

  private void list(Context ctx) {
    QueryParams.of(ctx);
    Schedules schedules = Schedules.client(namespaces.client(ctx));
    List<Summary> summaries = new ArrayList<>();
    for (String id : schedules.list()) {
      try {
        summaries.add(Summary.of(schedules.describe(id, 1)));
      } catch (ScheduleNotFoundException e) {
        // deleted between the list and its description
      }
    }
    ApiJson.write(ctx, 200, new Page(summaries));
  }

  private void create(Context ctx) {
    QueryParams.of(ctx);
    Body body = ApiJson.read(ctx, Body.class);
    if (body.id() == null) {
      throw ApiProblem.badField("id", null, "field 'id' is required");
    }
    ScheduleDefinition definition = definition(body.id(), body);
    WeftClient client = namespaces.client(ctx);
    try {
      Schedules.client(client).create(definition);
    } catch (ScheduleAlreadyExistsException e) {
      throw ApiProblem.of(409, "schedule-already-exists", "Schedule already exists", e.getMessage())
          .withField("id", definition.id())
          .with("scheduleId", definition.id());
    }
    ApiJson.write(ctx, 201, Schedule.of(definition, definition.spec().next(clock.instant(), 10)));
  }

  private void describe(Context ctx) {
    QueryParams params = QueryParams.of(ctx, "next");
    int next = params.integer("next", 10, 0, MAX_NEXT);
    WeftClient client = namespaces.client(ctx);
    ScheduleDescription d = known(ctx, () -> Schedules.client(client).describe(id(ctx), next));
    boolean signals = d.definition().action() instanceof TriggerAction.SignalWorkflow;
    List<Firing> firings = d.recentFirings().stream().map(f -> firing(client, f, signals)).toList();
    ApiJson.write(ctx, 200, Schedule.of(d, firings));
  }

  private static Firing firing(WeftClient client, ScheduleFiring f, boolean signals) {
    String runId = null;
    if (!signals && f.workflowId() != null) {
      try {
        runId = client.getHandle(f.workflowId()).describe().runId();
      } catch (WorkflowNotFoundException e) {
        // a skipped or failed firing started nothing
      }
    }
    return new Firing(f.nominal(), f.actual(), f.workflowId(), runId, f.outcome(), f.reason());
  }

  private void update(Context ctx) {
    QueryParams.of(ctx);
    Body body = ApiJson.read(ctx, Body.class);
    String id = id(ctx);
    if (body.id() != null && !body.id().equals(id)) {
      throw ApiProblem.badField(
          "id", body.id(), "field 'id' is '" + body.id() + "': expected the path's '" + id + "'");
    }
    ScheduleDefinition definition = definition(id, body);
    Schedules schedules = Schedules.client(namespaces.client(ctx));
    known(ctx, () -> run(() -> schedules.update(definition)));
    ApiJson.write(ctx, 200, Schedule.of(definition, definition.spec().next(clock.instant(), 10)));
  }

  private void delete(Context ctx) {
    QueryParams.of(ctx);
    Schedules schedules = Schedules.client(namespaces.client(ctx));
    known(ctx, () -> run(() -> schedules.delete(id(ctx))));
    ctx.status(204);
  }

  private void note(Context ctx, boolean pause) {
    QueryParams.of(ctx);
    NoteBody body = ApiJson.read(ctx, NoteBody.class);
    Schedules schedules = Schedules.client(namespaces.client(ctx));
    String id = id(ctx);
    known(
        ctx,
        () ->
            run(
                () -> {
                  if (pause) {
                    schedules.pause(id, body.note());
                  } else {
                    schedules.unpause(id, body.note());
                  }
                }));
    ApiJson.write(ctx, 202, new Accepted(id));
  }

  private void trigger(Context ctx) {
    QueryParams.of(ctx);
    Schedules schedules = Schedules.client(namespaces.client(ctx));
    String id = id(ctx);
    known(ctx, () -> run(() -> schedules.trigger(id)));
    ApiJson.write(ctx, 202, new Accepted(id));
  }

  private void backfill(Context ctx) {
    QueryParams.of(ctx);
    BackfillBody body = ApiJson.read(ctx, BackfillBody.class);
    if (body.from() == null) {
      throw ApiProblem.badField("from", null, "field 'from' is required");
    }
    if (body.to() == null) {
      throw ApiProblem.badField("to", null, "field 'to' is required");
    }
    if (body.to().isBefore(body.from())) {
      throw ApiProblem.badField(
          "to",
          body.to(),
          "to " + body.to() + " is before from " + body.from() + ": expected from <= to");
    }
    OverlapPolicy policy = overlapPolicy(body.overlapPolicy());
    Schedules schedules = Schedules.client(namespaces.client(ctx));
    String id = id(ctx);
    known(ctx, () -> run(() -> schedules.backfill(id, body.from(), body.to(), policy)));
    ApiJson.write(ctx, 202, new Accepted(id));
  }

  private static String id(Context ctx) {
    return ctx.pathParam("scheduleId");
  }

  /** Builds the definition of a body, each refusal a 400 naming the field. */
  private static ScheduleDefinition definition(String id, Body body) {
    if (body.spec() == null || body.spec().isNull()) {
      throw ApiProblem.badField("spec", null, "field 'spec' is required");
    }
    if (body.action() == null || body.action().isNull()) {
      throw ApiProblem.badField("action", null, "field 'action' is required");
    }
    ScheduleSpec spec = convert(body.spec(), ScheduleSpec.class, "spec");
    TriggerAction action = convert(body.action(), TriggerAction.class, "action");
    OverlapPolicy policy = overlapPolicy(body.overlapPolicy());
    if (id.isBlank() || id.contains("@")) {
      throw ApiProblem.badField(
          "id", id, "id is '" + id + "': expected a non-blank value without '@'");
    }
    if (body.catchUpWindow() != null
        && (body.catchUpWindow().isZero() || body.catchUpWindow().isNegative())) {
      throw ApiProblem.badField(
          "catchUpWindow",
          body.catchUpWindow().toString(),
          "catchUpWindow is " + body.catchUpWindow() + ": expected a positive duration");
    }
    return new ScheduleDefinition(
        id,
        spec,
        action,
        policy,
        body.catchUpWindow(),
        Boolean.TRUE.equals(body.paused()),
        body.note(),
        body.description());
  }

  private static OverlapPolicy overlapPolicy(String text) {
    if (text == null) {
      return null;
    }
    try {
      return OverlapPolicy.valueOf(text.toUpperCase(Locale.ROOT));
    } catch (IllegalArgumentException e) {
      throw ApiProblem.badField(
          "overlapPolicy",
          text,
          "overlapPolicy is '"
              + text
              + "': expected one of "
              + Arrays.toString(OverlapPolicy.values()));
    }
  }

  /** Reads {@code node} as {@code type}; a refusal names the field under {@code field}. */
  private static <T> T convert(JsonNode node, Class<T> type, String field) {
    try {
      return ApiJson.MAPPER.treeToValue(node, type);
    } catch (InvalidTypeIdException e) {
      throw ApiProblem.badField(
          field + ".type",
          e.getTypeId(),
          "field '"
              + field
              + ".type' is "
              + (e.getTypeId() == null ? "missing" : "'" + e.getTypeId() + "'")
              + ": expected startWorkflow, signalWorkflow or materialize");
    } catch (JsonMappingException e) {
      Throwable cause = e;
      while (cause.getCause() != null && cause.getCause() != cause) {
        cause = cause.getCause();
      }
      if (cause instanceof InvalidScheduleSpecException invalid) {
        throw ApiProblem.badField(
            field + "." + invalid.field(), invalid.value(), invalid.getMessage());
      }
      String path = ApiJson.fieldPath(e);
      String named = path.isEmpty() ? field : field + "." + path;
      if (cause instanceof IllegalArgumentException invalid && invalid.getMessage() != null) {
        String first = invalid.getMessage().split(" ", 2)[0];
        String inner = path.isEmpty() && first.matches("[a-zA-Z]+") ? field + "." + first : named;
        throw ApiProblem.badField(inner, null, "field '" + field + "': " + invalid.getMessage());
      }
      String why = e.getOriginalMessage() == null ? "invalid value" : e.getOriginalMessage();
      int nl = why.indexOf('\n');
      throw ApiProblem.badField(
          named, null, "field '" + named + "': " + (nl < 0 ? why : why.substring(0, nl)));
    } catch (JsonProcessingException e) {
      throw ApiProblem.badField(field, null, "field '" + field + "' cannot be read");
    }
  }

  private static Void run(Runnable operation) {
    operation.run();
    return null;
  }

  /** Runs an operation on a named schedule, its absence a 404 naming it. */
  private static <T> T known(Context ctx, Supplier<T> operation) {
    try {
      return operation.get();
    } catch (ScheduleNotFoundException e) {
      String id = id(ctx);
      throw ApiProblem.notFound("schedule-not-found", e.getMessage())
          .withField("scheduleId", id)
          .with("scheduleId", id);
    }
  }
}
