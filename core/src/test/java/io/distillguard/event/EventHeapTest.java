package io.distillguard.event;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.SplittableRandom;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class EventHeapTest {

  private static final Instant T0 = Instant.parse("2026-03-02T14:00:00Z");

  private record Item(Event event, long seq) {}

  @ParameterizedTest
  @ValueSource(longs = {1, 2, 3, 4, 5})
  void poll_givesTimeOrderThenSequence(long seed) {
    SplittableRandom r = new SplittableRandom(seed);
    EventHeap heap = new EventHeap();
    List<Item> model = new ArrayList<>();
    List<Item> polled = new ArrayList<>();
    long seq = 0;
    for (int i = 0; i < 5_000; i++) {
      if (r.nextInt(3) > 0 || heap.isEmpty()) {
        Event e = event("e" + i, T0.plusSeconds(r.nextInt(100)));
        heap.add(e, seq);
        model.add(new Item(e, seq++));
      } else {
        long headSeq = heap.peekSeq();
        Event e = heap.poll();
        polled.add(new Item(e, headSeq));
      }
    }
    while (!heap.isEmpty()) {
      long headSeq = heap.peekSeq();
      polled.add(new Item(heap.poll(), headSeq));
    }

    assertThat(polled).as("seed %d", seed).hasSameSizeAs(model).containsExactlyInAnyOrderElementsOf(model);
    // every poll returned the minimum of what was in the heap at the time: check via replay
    EventHeap replay = new EventHeap();
    r = new SplittableRandom(seed);
    List<Item> present = new ArrayList<>();
    seq = 0;
    Comparator<Item> order = Comparator.<Item, Instant>comparing(it -> it.event().ts()).thenComparingLong(Item::seq);
    for (int i = 0; i < 5_000; i++) {
      if (r.nextInt(3) > 0 || replay.isEmpty()) {
        Event e = event("e" + i, T0.plusSeconds(r.nextInt(100)));
        replay.add(e, seq);
        present.add(new Item(e, seq++));
      } else {
        Item min = present.stream().min(order).orElseThrow();
        assertThat(replay.peekSeq()).as("seed %d op %d", seed, i).isEqualTo(min.seq());
        assertThat(replay.poll()).isSameAs(min.event());
        present.remove(min);
      }
    }
  }

  private static Event event(String id, Instant ts) {
    return new Event(id, ts, "a", null, null, null, null, null, Request.of("m", List.of()), null);
  }
}
