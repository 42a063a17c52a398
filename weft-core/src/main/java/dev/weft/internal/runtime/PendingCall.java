package dev.weft.internal.runtime;

import dev.weft.history.EventAttributes;

/** A command waiting for the inbound event that answers it (by sequence number). */
interface PendingCall extends ScopeNode.Cancelable {

  /** Applies the answering event; completes or fails the call's promise. */
  void onEvent(EventAttributes event);
}
