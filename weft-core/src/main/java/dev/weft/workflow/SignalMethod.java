package dev.weft.workflow;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Marks a method that receives signals: asynchronous messages recorded in the run's history and
 * delivered in order. Must return {@code void}. The handler runs as workflow code (it may block,
 * e.g. call activities) before the other workflow code of the same workflow task.
 */
@Documented
@Retention(RetentionPolicy.RUNTIME)
@Target(ElementType.METHOD)
public @interface SignalMethod {
  /** The signal name; empty for the method name. */
  String name() default "";
}
