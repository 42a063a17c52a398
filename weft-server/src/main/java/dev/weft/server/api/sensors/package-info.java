/**
 * Sensors over HTTP ({@link dev.weft.server.api.sensors.SensorRoutes}): each sensor is a built-in
 * workflow {@code __weft_sensor:<name>} run by the app that defines it; the routes list them by
 * their running workflows, describe them by query and change them by signal.
 */
package dev.weft.server.api.sensors;
