package dev.weft.examples.greeting;

import dev.weft.activity.ActivityInterface;
import dev.weft.activity.ActivityMethod;

/**
 * The greeting's activity, implemented outside the JVM (by the Python and Node workers of {@code
 * examples/}); this interface only gives the workflow a typed stub.
 */
@ActivityInterface
public interface GreetingActivities {
  /** The activity type remote workers poll for. */
  String FORMAT_GREETING = "FormatGreeting";

  /** Returns the greeting for {@code name} in {@code language} ({@code en}, {@code fr}, ...). */
  @ActivityMethod(name = FORMAT_GREETING)
  String formatGreeting(String name, String language);
}
