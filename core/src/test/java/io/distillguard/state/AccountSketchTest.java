package io.distillguard.state;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.distillguard.features.RequestFeatures;
import java.util.List;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class AccountSketchTest {

  private static AccountSketch build(List<RequestFeatures> reqs, long seed) {
    SplittableRandom r = new SplittableRandom(seed);
    AccountSketch s = new AccountSketch("acct-1");
    for (RequestFeatures f : reqs) {
      s.update(f, SketchFixtures.family(r));
    }
    return s;
  }

  private static AccountSketch merged(AccountSketch... parts) {
    AccountSketch out = new AccountSketch("acct-1");
    for (AccountSketch p : parts) {
      out.merge(p);
    }
    return out;
  }

  @ParameterizedTest
  @ValueSource(longs = {1, 2, 3, 4})
  void merge_isCommutativeAndAssociative_andEqualsOneSketchOverAll(long seed) {
    List<RequestFeatures> all = SketchFixtures.requests(seed, "acct-1", 90);
    AccountSketch a = build(all.subList(0, 30), seed);
    AccountSketch b = build(all.subList(30, 60), seed + 100);
    AccountSketch c = build(all.subList(60, 90), seed + 200);
    String ab = merged(a, b).canonical();
    assertThat(merged(b, a).canonical()).as("seed %d", seed).isEqualTo(ab);
    AccountSketch abThenC = merged(a, b);
    abThenC.merge(c);
    AccountSketch bc = merged(b, c);
    AccountSketch aThenBc = merged(a);
    aThenBc.merge(bc);
    assertThat(aThenBc.canonical()).as("seed %d", seed).isEqualTo(abThenC.canonical());
    assertThat(abThenC.requests()).isEqualTo(90);
  }

  @Test
  void severalTasks_isWhetherMoreThanOneTaskWasSeen_inEveryMergeOrder() {
    SplittableRandom r = new SplittableRandom(20261128L);
    for (int round = 0; round < 300; round++) {
      // three parts, each of zero to three requests, drawn from at most two tasks: most parts hold one task
      List<List<RequestFeatures>> parts = new java.util.ArrayList<>();
      java.util.Set<Long> tasks = new java.util.HashSet<>();
      int distinct = 1 + r.nextInt(2);
      for (int p = 0; p < 3; p++) {
        List<RequestFeatures> part = new java.util.ArrayList<>();
        for (int k = r.nextInt(4); k > 0; k--) {
          RequestFeatures f = SketchFixtures.task(round * 10L + p * 3 + k, "acct-1", "task " + r.nextInt(distinct));
          tasks.add(f.taskKey());
          part.add(f);
        }
        parts.add(part);
      }
      AccountSketch a = build(parts.get(0), 1);
      AccountSketch b = build(parts.get(1), 2);
      AccountSketch c = build(parts.get(2), 3);
      AccountSketch ab = merged(a, b);
      ab.merge(c);
      AccountSketch cb = merged(c, b);
      cb.merge(a);
      AccountSketch oneByOne = build(parts.stream().flatMap(List::stream).toList(), 4);
      for (AccountSketch s : List.of(ab, cb, oneByOne, AccountSketch.fromBytes(ab.toBytes()))) {
        assertThat(s.severalTasks()).as("round %d", round).isEqualTo(tasks.size() > 1);
      }
      assertThat(cb.canonical()).isEqualTo(ab.canonical());
    }
  }

  @Test
  void merge_emptyOther_isIdentity() {
    AccountSketch a = build(SketchFixtures.requests(5, "acct-1", 40), 5);
    String before = a.canonical();
    a.merge(new AccountSketch("acct-1"));
    assertThat(a.canonical()).isEqualTo(before);
    AccountSketch empty = new AccountSketch("acct-1");
    empty.merge(a);
    assertThat(empty.canonical()).isEqualTo(before);
  }

  @ParameterizedTest
  @ValueSource(longs = {6, 7})
  void bytes_roundTrip(long seed) {
    AccountSketch a = build(SketchFixtures.requests(seed, "acct-1", 50), seed);
    AccountSketch back = AccountSketch.fromBytes(a.toBytes());
    assertThat(back.canonical()).isEqualTo(a.canonical());
    assertThat(AccountSketch.fromBytes(back.toBytes()).canonical()).isEqualTo(a.canonical());
  }

  @Test
  void fromBytes_otherVersion_isRejected() {
    byte[] b = new AccountSketch("x").toBytes();
    b[0] = 99;
    assertThatThrownBy(() -> AccountSketch.fromBytes(b)).hasMessageContaining("format version 99");
  }

  @Test
  void merge_otherAccount_throws() {
    assertThatThrownBy(() -> new AccountSketch("a").merge(new AccountSketch("b")))
        .isInstanceOf(IllegalArgumentException.class);
  }

  @Test
  void update_tracksVolumeHoursFamiliesAndModels() {
    List<RequestFeatures> reqs = SketchFixtures.requests(9, "acct-1", 20);
    AccountSketch s = new AccountSketch("acct-1");
    for (RequestFeatures f : reqs) {
      s.update(f, "tf-1");
    }
    assertThat(s.requests()).isEqualTo(20);
    assertThat(s.templated()).isEqualTo(20);
    assertThat(s.families().count("tf-1")).isEqualTo(20);
    long hours = 0;
    for (long h : s.hourOfDay()) {
      hours += h;
    }
    assertThat(hours).isEqualTo(20);
    assertThat(s.models().total()).isEqualTo(20);
    long earliest = reqs.stream().filter(f -> f.event().request().model().equals(s.models().top()))
        .mapToLong(f -> f.event().ts().toEpochMilli()).min().orElseThrow();
    assertThat(s.firstUse(s.models().top())).isEqualTo(earliest);
    assertThat(s.firstSeen()).isLessThanOrEqualTo(earliest);
  }
}
