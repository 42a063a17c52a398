package dev.weft.failure;

/** A namespace could not be created: one of the same name exists already (nothing changed). */
public final class NamespaceAlreadyExistsException extends WeftException {
  private final String namespace;

  /** Creates the exception for the namespace that exists already. */
  public NamespaceAlreadyExistsException(String namespace) {
    super("namespace '" + namespace + "' exists already");
    this.namespace = namespace;
  }

  /** Returns the namespace's name. */
  public String getNamespace() {
    return namespace;
  }
}
