/**
 * The software-defined asset examples that {@code weft dev} serves and materializes on a fresh
 * store: a chain of blocks with an observable source and a blocking check ({@code chain} package),
 * trades with a code-version change ({@code trades} package), and the partitioned ones ({@link
 * dev.weft.examples.assets.PartitionedExamples}): trades on daily partitions ({@code dailytrades}
 * package) and blocks on integer-range partitions ({@code blocks} package), whose partitions
 * reading several upstream partitions get them through {@link
 * dev.weft.examples.assets.PartitionWindowIoManager}.
 */
package dev.weft.examples.assets;
