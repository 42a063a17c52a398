package dev.weft.assets.internal;

import dev.weft.assets.AssetKey;

/** One term of a selection. */
public sealed interface SelectionTerm {

  /** Returns the term as it is written. */
  String text();

  /** {@code *}. */
  record All() implements SelectionTerm {
    @Override
    public String text() {
      return "*";
    }
  }

  /** {@code [+]key[+]}. */
  record Key(AssetKey key, boolean upstream, boolean downstream) implements SelectionTerm {
    @Override
    public String text() {
      return (upstream ? "+" : "") + key.path() + (downstream ? "+" : "");
    }
  }

  /** {@code group:name}. */
  record Group(String name) implements SelectionTerm {
    @Override
    public String text() {
      return "group:" + name;
    }
  }

  /** {@code tag:name} or {@code tag:name=value}. */
  record Tag(String name, String value) implements SelectionTerm {
    @Override
    public String text() {
      return "tag:" + name + (value == null ? "" : "=" + value);
    }
  }
}
