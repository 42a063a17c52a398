package dev.weft.examples.assets.chain;

/**
 * A transfer with its value in USD.
 *
 * @param transfer the decoded transfer
 * @param usdCents its value, in US cents
 */
public record PricedTransfer(Transfer transfer, long usdCents) {}
