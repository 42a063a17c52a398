package dev.weft.server.http;

/** A part of the API (workflows, task queues, activities, health...) that adds its routes. */
@FunctionalInterface
public interface RouteGroup {
  /** Adds this group's routes. */
  void addTo(ApiRoutes routes);
}
