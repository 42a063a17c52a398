/**
 * The chain example of software-defined assets, in the annotation style: a fake chain's blocks,
 * observed, fetched, decoded, valued and summed per day, with a blocking check that stops the
 * downstream assets when the fetched blocks do not link (a node in the middle of a re-org).
 */
package dev.weft.examples.assets.chain;
