/** Deletes runs whose retention expired, in small transactions. Uses {@code engine} only. */
package dev.weft.internal.retention;
