package dev.weft.assets.internal;

import dev.weft.failure.ApplicationFailure;
import java.util.Objects;
import java.util.function.Function;

/**
 * {@link MaterializePlanning} over a planner (the catalog's graph, as {@code
 * CatalogMaterializer.plan} reads it); a selection it refuses becomes a non-retryable failure whose
 * type is the exception's simple class name.
 */
public final class PlanActivities implements MaterializePlanning {
  private final Function<String, MaterializeRequest> planner;

  /** Plans with {@code planner}. */
  public PlanActivities(Function<String, MaterializeRequest> planner) {
    this.planner = Objects.requireNonNull(planner, "planner");
  }

  @Override
  public MaterializeRequest plan(String selection) {
    try {
      return planner.apply(selection);
    } catch (IllegalArgumentException e) {
      throw new ApplicationFailure(e.getMessage(), e.getClass().getSimpleName(), true, null);
    }
  }
}
