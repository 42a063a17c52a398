/**
 * The client over HTTP ({@code WeftClient.connect}): the workflow routes of the Weft API called
 * with the JDK's {@code HttpClient}, arguments and results as JSON values made by the client's data
 * converter, problem documents turned back into the embedded client's exceptions. Uses only {@code
 * codec}, {@code definition} and {@code stub}: nothing of the engine.
 */
package dev.weft.internal.remote;
