package dev.weft.failure;

/** No namespace of that name exists in the engine's store. */
public final class NamespaceNotFoundException extends WeftException {
  private final String namespace;

  /** Creates the exception for the namespace that was looked up. */
  public NamespaceNotFoundException(String namespace) {
    super("no namespace '" + namespace + "'");
    this.namespace = namespace;
  }

  /** Returns the namespace that was looked up. */
  public String getNamespace() {
    return namespace;
  }
}
