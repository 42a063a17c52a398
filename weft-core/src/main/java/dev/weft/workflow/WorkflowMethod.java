package dev.weft.workflow;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Marks the method that runs the workflow. Its return value is the workflow's result. The workflow
 * type name is {@link #name()}, or the interface's simple name.
 */
@Documented
@Retention(RetentionPolicy.RUNTIME)
@Target(ElementType.METHOD)
public @interface WorkflowMethod {
  /** The workflow type name; empty for the interface's simple name. */
  String name() default "";
}
