package dev.weft.examples.assets.chain;

/**
 * A decoded token transfer.
 *
 * @param block the block's number
 * @param timestamp the block's time, in epoch seconds
 * @param from the sender
 * @param to the receiver
 * @param token the token moved
 * @param amount how many whole tokens
 */
public record Transfer(
    long block, long timestamp, String from, String to, String token, long amount) {}
