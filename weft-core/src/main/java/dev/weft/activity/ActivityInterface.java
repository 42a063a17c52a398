package dev.weft.activity;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Marks an interface whose methods are activities. Each method is an activity type named after the
 * method with its first letter capitalized ({@code chargeCard} → {@code ChargeCard}), prefixed with
 * {@link #namePrefix()}, unless {@link ActivityMethod#name()} says otherwise.
 *
 * <pre>{@code
 * @ActivityInterface
 * public interface PaymentActivities {
 *   String charge(String orderId, long cents);
 *   void refund(String paymentId);
 * }
 * }</pre>
 */
@Documented
@Retention(RetentionPolicy.RUNTIME)
@Target(ElementType.TYPE)
public @interface ActivityInterface {
  /** A prefix for the type names of this interface's activities, to keep names unique. */
  String namePrefix() default "";
}
