package dev.weft.store.assets.partitions;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.TreeSet;
import org.junit.jupiter.api.Test;

class IndexRangeSetTest {

  private static IndexRange r(long start, long end) {
    return new IndexRange(start, end);
  }

  @Test
  void mergesOverlappingAndTouchingRangesInAnyOrder() {
    IndexRangeSet set = IndexRangeSet.of(r(20, 30), r(0, 10), r(10, 12), r(25, 40), r(50, 51));
    assertThat(set.ranges()).containsExactly(r(0, 12), r(20, 40), r(50, 51));
    assertThat(set.size()).isEqualTo(12 + 20 + 1);
    assertThat(set.contains(11)).isTrue();
    assertThat(set.contains(12)).isFalse();
    assertThat(set.contains(50)).isTrue();
    assertThat(set.toString()).isEqualTo("{[0, 12), [20, 40), [50, 51)}");
  }

  @Test
  void intersectsAndSubtracts() {
    IndexRangeSet a = IndexRangeSet.of(r(0, 100), r(200, 300));
    IndexRangeSet b = IndexRangeSet.of(r(50, 250), r(290, 310));
    assertThat(a.intersect(b).ranges()).containsExactly(r(50, 100), r(200, 250), r(290, 300));
    assertThat(a.minus(b).ranges()).containsExactly(r(0, 50), r(250, 290));
    assertThat(b.minus(a).ranges()).containsExactly(r(100, 200), r(300, 310));
    assertThat(a.union(b).ranges()).containsExactly(r(0, 310));
    assertThat(a.minus(a).isEmpty()).isTrue();
    assertThat(a.intersect(IndexRangeSet.empty()).isEmpty()).isTrue();
  }

  @Test
  void agreesWithAPlainSetOfIndexes() {
    Random random = new Random(7);
    for (int round = 0; round < 300; round++) {
      List<IndexRange> left = randomRanges(random);
      List<IndexRange> right = randomRanges(random);
      TreeSet<Long> l = indexes(left);
      TreeSet<Long> rr = indexes(right);
      IndexRangeSet a = IndexRangeSet.of(left);
      IndexRangeSet b = IndexRangeSet.of(right);
      TreeSet<Long> union = new TreeSet<>(l);
      union.addAll(rr);
      TreeSet<Long> both = new TreeSet<>(l);
      both.retainAll(rr);
      TreeSet<Long> minus = new TreeSet<>(l);
      minus.removeAll(rr);
      assertThat(indexes(a.union(b).ranges())).isEqualTo(union);
      assertThat(indexes(a.intersect(b).ranges())).isEqualTo(both);
      assertThat(indexes(a.minus(b).ranges())).isEqualTo(minus);
      assertThat(a.size()).isEqualTo(l.size());
      assertThat(a).isEqualTo(IndexRangeSet.of(new ArrayList<>(a.ranges())));
    }
  }

  @Test
  void refusesEmptyAndNegativeRanges() {
    assertThatThrownBy(() -> r(5, 5)).hasMessageContaining("[5, 5) is empty");
    assertThatThrownBy(() -> r(-1, 5)).hasMessageContaining("start is -1");
  }

  private static List<IndexRange> randomRanges(Random random) {
    List<IndexRange> ranges = new ArrayList<>();
    for (int i = random.nextInt(6); i > 0; i--) {
      long start = random.nextInt(60);
      ranges.add(r(start, start + 1 + random.nextInt(12)));
    }
    return ranges;
  }

  private static TreeSet<Long> indexes(List<IndexRange> ranges) {
    TreeSet<Long> set = new TreeSet<>();
    for (IndexRange range : ranges) {
      for (long i = range.start(); i < range.end(); i++) {
        set.add(i);
      }
    }
    return set;
  }
}
