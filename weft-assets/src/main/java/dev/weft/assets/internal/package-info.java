/**
 * The assets module's engine part: the annotation reader and the built-in materialization workflow
 * and its activities. Not a supported API: it changes without notice.
 */
package dev.weft.assets.internal;
