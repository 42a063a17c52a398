package dev.weft.activity;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/** Optionally names the activity type of a method of an {@link ActivityInterface}. */
@Documented
@Retention(RetentionPolicy.RUNTIME)
@Target(ElementType.METHOD)
public @interface ActivityMethod {
  /** The activity type name; empty for the default (the capitalized method name). */
  String name() default "";
}
