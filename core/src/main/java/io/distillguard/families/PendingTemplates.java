package io.distillguard.families;

import java.util.ArrayDeque;
import java.util.Iterator;

/**
 * Requests that came too early to be templated, kept to be tried again: a shingle counts as template text only once
 * {@link TemplateFamilies#TEMPLATE_COUNT} recent requests held it, so the first requests of a new template (a
 * campaign's first hours, all the more when it rotates many wrappers) have no family, and an account that sent many
 * of them keeps their weight against it in every share of its traffic. A request whose text already recurs in long
 * runs (seen before, not yet often enough) is kept here with the span of its shingles that recurs, and tried again
 * as time passes; once its template text is known it is assigned as if it had arrived then.
 *
 * <p>Bounded: at most {@link #maxShingles} shingles in all (oldest entries dropped first), each entry at most
 * {@link #keepFor} of event time. Order-preserving and deterministic for a given event order. Not thread-safe.
 */
final class PendingTemplates {

  /** One early request: its account and owner, event time, and the shingles of its recurring span. */
  record Entry(String account, long ownerHash, long taskKey, long ts, long[] shingles) {}

  private final ArrayDeque<Entry> entries = new ArrayDeque<>();
  private final long maxShingles;
  private final long keepFor;
  private long shingles;

  PendingTemplates(long maxShingles, long keepFor) {
    this.maxShingles = maxShingles;
    this.keepFor = keepFor;
  }

  /** Keeps an early request (entries arrive in event order), dropping the oldest beyond the bound. */
  void add(Entry e) {
    entries.addLast(e);
    shingles += e.shingles().length;
    while (shingles > maxShingles && !entries.isEmpty()) {
      shingles -= entries.removeFirst().shingles().length;
    }
  }

  /** Drops entries older than {@link #keepFor} at event time {@code now}. */
  void expire(long now) {
    while (!entries.isEmpty() && now - entries.peekFirst().ts() > keepFor) {
      shingles -= entries.removeFirst().shingles().length;
    }
  }

  /** The entries, oldest first; {@link Iterator#remove} takes one out. */
  Iterator<Entry> iterator() {
    Iterator<Entry> it = entries.iterator();
    return new Iterator<>() {
      private Entry last;

      @Override
      public boolean hasNext() {
        return it.hasNext();
      }

      @Override
      public Entry next() {
        last = it.next();
        return last;
      }

      @Override
      public void remove() {
        it.remove();
        shingles -= last.shingles().length;
      }
    };
  }

  int size() {
    return entries.size();
  }

  long shingles() {
    return shingles;
  }

  void write(java.io.DataOutput out) throws java.io.IOException {
    out.writeInt(entries.size());
    for (Entry e : entries) {
      out.writeUTF(e.account());
      out.writeLong(e.ownerHash());
      out.writeLong(e.taskKey());
      out.writeLong(e.ts());
      out.writeInt(e.shingles().length);
      for (long s : e.shingles()) {
        out.writeLong(s);
      }
    }
  }

  void read(java.io.DataInput in) throws java.io.IOException {
    int n = in.readInt();
    for (int i = 0; i < n; i++) {
      String account = in.readUTF();
      long owner = in.readLong();
      long task = in.readLong();
      long ts = in.readLong();
      long[] s = new long[in.readInt()];
      for (int k = 0; k < s.length; k++) {
        s[k] = in.readLong();
      }
      add(new Entry(account, owner, task, ts, s));
    }
  }
}
