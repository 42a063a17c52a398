package dev.weft.workflow;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Marks a method that handles updates: a synchronous request to a running workflow that may change
 * its state, may block like workflow code (activities, timers, awaits), and returns a result to the
 * caller. An optional {@link UpdateValidatorMethod} checks the input first; a rejected update
 * leaves no trace in history. A handler that throws a failure ({@code ApplicationFailure}) fails
 * the update, not the workflow.
 */
@Documented
@Retention(RetentionPolicy.RUNTIME)
@Target(ElementType.METHOD)
public @interface UpdateMethod {
  /** The update name; empty for the method name. */
  String name() default "";
}
