package dev.weft.workflow;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Marks a method that answers queries: a synchronous, read-only look at the workflow's state. Must
 * return a value and must not change state or block (no activities, sleeps or awaits). Works on
 * closed runs too.
 */
@Documented
@Retention(RetentionPolicy.RUNTIME)
@Target(ElementType.METHOD)
public @interface QueryMethod {
  /** The query name; empty for the method name. */
  String name() default "";
}
