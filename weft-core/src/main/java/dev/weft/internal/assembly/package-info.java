/**
 * Top layer: builds one engine's objects, each with the collaborators it uses passed to its
 * constructor, and starts and stops them in order. The only package that knows them all; only
 * {@code WeftEngine} uses it.
 */
package dev.weft.internal.assembly;
