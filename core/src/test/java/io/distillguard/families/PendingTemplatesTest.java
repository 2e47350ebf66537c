package io.distillguard.families;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

class PendingTemplatesTest {

  private static PendingTemplates.Entry entry(int i, long ts, int shingles) {
    long[] s = new long[shingles];
    for (int k = 0; k < shingles; k++) {
      s[k] = 31L * i + k;
    }
    return new PendingTemplates.Entry("acct-" + i, i, 1000L + i, ts, s);
  }

  private static List<String> accounts(PendingTemplates p) {
    List<String> out = new ArrayList<>();
    for (Iterator<PendingTemplates.Entry> it = p.iterator(); it.hasNext(); ) {
      out.add(it.next().account());
    }
    return out;
  }

  /** The shingle bound holds after every add, dropping the oldest entries first, and removal keeps the count. */
  @Test
  void staysWithinItsShingleBound_droppingTheOldestFirst() {
    SplittableRandom r = new SplittableRandom(7);
    PendingTemplates p = new PendingTemplates(1_000, Long.MAX_VALUE);
    List<Integer> sizes = new ArrayList<>();
    for (int i = 0; i < 200; i++) {
      int n = 1 + r.nextInt(120);
      sizes.add(n);
      p.add(entry(i, i, n));
      assertThat(p.shingles()).isLessThanOrEqualTo(1_000);
      // what is kept is the newest suffix that fits
      long kept = 0;
      int first = i;
      while (first >= 0 && kept + sizes.get(first) <= 1_000) {
        kept += sizes.get(first--);
      }
      assertThat(p.size()).isEqualTo(i - first);
      assertThat(p.shingles()).isEqualTo(kept);
    }
    Iterator<PendingTemplates.Entry> it = p.iterator();
    PendingTemplates.Entry gone = it.next();
    long before = p.shingles();
    it.remove();
    assertThat(p.shingles()).isEqualTo(before - gone.shingles().length);
  }

  @Test
  void expiresEntriesOlderThanItsWindow_andWritesWhatItReads() throws Exception {
    PendingTemplates p = new PendingTemplates(1_000_000, 100);
    for (int i = 0; i < 10; i++) {
      p.add(entry(i, 50L * i, 5));
    }
    p.expire(400); // keeps ts >= 300
    assertThat(accounts(p)).containsExactly("acct-6", "acct-7", "acct-8", "acct-9");
    assertThat(p.shingles()).isEqualTo(20);

    ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    p.write(new DataOutputStream(bytes));
    PendingTemplates q = new PendingTemplates(1_000_000, 100);
    q.read(new DataInputStream(new ByteArrayInputStream(bytes.toByteArray())));
    assertThat(accounts(q)).isEqualTo(accounts(p));
    assertThat(q.shingles()).isEqualTo(p.shingles());
    Iterator<PendingTemplates.Entry> a = p.iterator();
    Iterator<PendingTemplates.Entry> b = q.iterator();
    while (a.hasNext()) {
      PendingTemplates.Entry x = a.next();
      PendingTemplates.Entry y = b.next();
      assertThat(y.ts()).isEqualTo(x.ts());
      assertThat(y.ownerHash()).isEqualTo(x.ownerHash());
      assertThat(y.taskKey()).isEqualTo(x.taskKey());
      assertThat(y.shingles()).isEqualTo(x.shingles());
    }
  }
}
