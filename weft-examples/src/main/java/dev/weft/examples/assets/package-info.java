/**
 * The software-defined asset examples that {@code weft dev} serves and materializes on a fresh
 * store: a chain of blocks with an observable source and a blocking check ({@code chain} package),
 * and trades with a code-version change ({@code trades} package).
 */
package dev.weft.examples.assets;
