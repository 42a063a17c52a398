package dev.weft.assets;

import dev.weft.assets.internal.SelectionParser;
import dev.weft.assets.internal.SelectionTerm;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;

/**
 * Which assets to materialize, in the syntax shared by the Java API, the HTTP API and the CLI:
 *
 * <ul>
 *   <li>{@code chain/raw_blocks}: one asset;
 *   <li>{@code +chain/decoded_blocks}: it and everything upstream of it;
 *   <li>{@code chain/raw_blocks+}: it and everything downstream of it;
 *   <li>{@code +chain/decoded_blocks+}: both;
 *   <li>{@code group:chain}: every asset of a group;
 *   <li>{@code tag:tier=gold} (or {@code tag:tier}): every asset with that tag (and value);
 *   <li>{@code *}: every asset;
 * </ul>
 *
 * and unions of these separated by commas or spaces ({@code +daily_volume, group:market}).
 * Immutable and thread-safe.
 *
 * <pre>{@code
 * Set<AssetKey> keys = AssetSelection.parse("+chain/enriched_blocks").resolve(graph);
 * }</pre>
 */
public final class AssetSelection {
  private final List<SelectionTerm> terms;

  private AssetSelection(List<SelectionTerm> terms) {
    this.terms = List.copyOf(terms);
  }

  /**
   * Parses a selection.
   *
   * @throws AssetSelectionSyntaxException naming the offending token and its position
   */
  public static AssetSelection parse(String text) {
    return new AssetSelection(new SelectionParser(text).parse());
  }

  /** Returns the selection of every asset ({@code *}). */
  public static AssetSelection all() {
    return parse("*");
  }

  /** Returns the selection of exactly these assets. */
  public static AssetSelection keys(AssetKey... keys) {
    List<SelectionTerm> terms = new ArrayList<>();
    for (AssetKey k : keys) {
      terms.add(new SelectionTerm.Key(k, false, false));
    }
    if (terms.isEmpty()) {
      throw new IllegalArgumentException("a selection needs at least one key");
    }
    return new AssetSelection(terms);
  }

  /**
   * Returns the selected keys of {@code graph}, in topological order.
   *
   * @throws UnknownAssetException naming every key the graph lacks (with a close key, if any)
   * @throws IllegalArgumentException naming a group that has no asset
   */
  public Set<AssetKey> resolve(AssetGraph graph) {
    List<AssetKey> unknown = new ArrayList<>();
    for (SelectionTerm term : terms) {
      if (term instanceof SelectionTerm.Key k && !graph.contains(k.key())) {
        unknown.add(k.key());
      }
    }
    if (!unknown.isEmpty()) {
      throw UnknownAssetException.of(unknown, graph.keys());
    }
    Set<AssetKey> selected = new HashSet<>();
    for (SelectionTerm term : terms) {
      selected.addAll(select(term, graph));
    }
    return new LinkedHashSet<>(graph.sorted(selected));
  }

  private static Set<AssetKey> select(SelectionTerm term, AssetGraph graph) {
    return switch (term) {
      case SelectionTerm.All a -> graph.keys();
      case SelectionTerm.Key k -> {
        Set<AssetKey> out = new HashSet<>(Set.of(k.key()));
        if (k.upstream()) {
          out.addAll(graph.upstreamClosure(List.of(k.key())));
        }
        if (k.downstream()) {
          out.addAll(graph.downstreamClosure(List.of(k.key())));
        }
        yield out;
      }
      case SelectionTerm.Group g -> {
        Set<AssetKey> out =
            graph.nodes().stream()
                .filter(n -> n.spec().group().equals(g.name()))
                .map(AssetNode::key)
                .collect(Collectors.toSet());
        if (out.isEmpty()) {
          Set<String> groups = new TreeSet<>();
          graph.nodes().forEach(n -> groups.add(n.spec().group()));
          throw new IllegalArgumentException(
              "group:" + g.name() + " selects no asset; the groups are " + groups);
        }
        yield out;
      }
      case SelectionTerm.Tag t ->
          graph.nodes().stream()
              .filter(
                  n ->
                      n.spec().tags().containsKey(t.name())
                          && (t.value() == null || t.value().equals(n.spec().tags().get(t.name()))))
              .map(AssetNode::key)
              .collect(Collectors.toSet());
    };
  }

  /** Returns the selection in its canonical text form, terms joined by {@code ", "}. */
  @Override
  public String toString() {
    return terms.stream().map(SelectionTerm::text).collect(Collectors.joining(", "));
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof AssetSelection s && s.terms.equals(terms);
  }

  @Override
  public int hashCode() {
    return terms.hashCode();
  }
}
