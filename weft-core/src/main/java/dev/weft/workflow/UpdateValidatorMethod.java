package dev.weft.workflow;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Marks the validator of an update: same parameters as the update method, returns void, runs
 * read-only before the update is accepted. Throwing any exception rejects the update: the caller
 * gets an {@code UpdateRejectedException} with the message, and history records nothing.
 */
@Documented
@Retention(RetentionPolicy.RUNTIME)
@Target(ElementType.METHOD)
public @interface UpdateValidatorMethod {
  /** The name of the update this method validates. */
  String updateName();
}
