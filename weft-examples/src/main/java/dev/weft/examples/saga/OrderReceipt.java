package dev.weft.examples.saga;

/**
 * The result of an order that went through: the identifiers each service gave it.
 *
 * @param orderId the order ID
 * @param reservationId the inventory reservation
 * @param paymentId the payment
 * @param trackingNumber the shipment
 */
public record OrderReceipt(
    String orderId, String reservationId, String paymentId, String trackingNumber) {}
