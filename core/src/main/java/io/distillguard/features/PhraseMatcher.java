package io.distillguard.features;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Finds which of a fixed set of phrases occur in a text in one pass (Aho and Corasick, "Efficient string matching",
 * CACM 1975). Phrases are normalized with {@link TextNormalizer} when the matcher is built, and texts are expected to
 * be normalized the same way, so that look-alike and spacing games cannot hide a phrase. Each phrase carries a group
 * id; {@link #match} returns a bit set of the groups seen. Immutable and thread-safe.
 */
final class PhraseMatcher {

  // construction-time trie; compiled into the dense automaton below
  private final List<Map<Character, Integer>> next = new ArrayList<>();
  private final List<Integer> fail = new ArrayList<>();
  private final List<Long> out = new ArrayList<>();
  private final int maxGroups;

  /** Char -> alphabet index + 1 (0: the char occurs in no phrase, which sends the automaton to the root). */
  private final char[] alphabet = new char[Character.MAX_VALUE + 1];
  private final int width;
  /** Transition table, states as chars: the automaton of a lexicon has far fewer than 65,536 states. */
  private final char[] delta;
  private final long[] outputs;
  /** The longest phrase (normalized): no match spans more chars. */
  private final int maxDepth;

  /** Builds a matcher; {@code phrases[g]} are the phrases of group {@code g} (at most 64 groups). */
  PhraseMatcher(List<List<String>> phrases) {
    if (phrases.size() > 64) {
      throw new IllegalArgumentException("at most 64 groups: " + phrases.size());
    }
    this.maxGroups = phrases.size();
    newState();
    TextNormalizer norm = TextNormalizer.standard();
    int depth = 0;
    for (int g = 0; g < phrases.size(); g++) {
      for (String p : phrases.get(g)) {
        String s = norm.normalize(p);
        if (s.isEmpty()) {
          throw new IllegalArgumentException("phrase normalizes to nothing: '" + p + "'");
        }
        depth = Math.max(depth, s.length());
        int state = 0;
        for (int i = 0; i < s.length(); i++) {
          char c = s.charAt(i);
          Integer nx = next.get(state).get(c);
          if (nx == null) {
            nx = newState();
            next.get(state).put(c, nx);
          }
          state = nx;
        }
        out.set(state, out.get(state) | (1L << g));
      }
    }
    ArrayDeque<Integer> queue = new ArrayDeque<>();
    for (int s : next.get(0).values()) {
      fail.set(s, 0);
      queue.add(s);
    }
    while (!queue.isEmpty()) {
      int r = queue.poll();
      for (Map.Entry<Character, Integer> e : next.get(r).entrySet()) {
        int s = e.getValue();
        queue.add(s);
        int f = fail.get(r);
        while (f != 0 && !next.get(f).containsKey(e.getKey())) {
          f = fail.get(f);
        }
        Integer t = next.get(f).get(e.getKey());
        fail.set(s, t != null && t != s ? t : 0);
        out.set(s, out.get(s) | out.get(fail.get(s)));
      }
    }
    // compile: a full transition table over the phrases' alphabet (a DFA), so matching is one array read a char
    // ASCII chars first, in order, so that the columns most texts use share a few cache lines of each row
    java.util.TreeSet<Character> used = new java.util.TreeSet<>();
    for (Map<Character, Integer> m : next) {
      used.addAll(m.keySet());
    }
    int w = 0;
    StringBuilder chars = new StringBuilder();
    for (char c : used) {
      alphabet[c] = (char) ++w;
      chars.append(c);
    }
    this.width = w + 1;
    this.maxDepth = depth;
    if (next.size() > Character.MAX_VALUE) {
      throw new IllegalArgumentException("too many phrases: " + next.size() + " automaton states");
    }
    this.delta = new char[next.size() * width];
    this.outputs = new long[next.size()];
    for (int state = 0; state < next.size(); state++) {
      outputs[state] = out.get(state);
      for (int k = 0; k < chars.length(); k++) {
        char c = chars.charAt(k);
        int st = state;
        Integer nx;
        while ((nx = next.get(st).get(c)) == null && st != 0) {
          st = fail.get(st);
        }
        delta[state * width + alphabet[c]] = (char) (nx == null ? 0 : (int) nx);
      }
    }
    next.clear();
    fail.clear();
    out.clear();
  }

  private int newState() {
    next.add(new HashMap<>());
    fail.add(0);
    out.add(0L);
    return next.size() - 1;
  }

  /** Bit {@code g} is set when a phrase of group {@code g} occurs in the normalized text. */
  long match(String normalized) {
    long seen = 0;
    int state = 0;
    for (int i = 0; i < normalized.length(); i++) {
      state = delta[state * width + alphabet[normalized.charAt(i)]];
      seen |= outputs[state];
    }
    return seen;
  }

  /** Texts shorter than this are matched in one lane. */
  private static final int MIN_LANE = 64;

  /**
   * {@link #match(String)} of the normalized text {@code text[from, to)}. Long texts are cut into four segments
   * matched side by side, so that the four chains of dependent table reads overlap in the processor: each lane starts
   * in the root state {@code maxDepth - 1} chars before its segment, so it is in the right state by the segment's
   * first char and finds every match that ends in its segment (what it finds before is a true match as well).
   */
  long match(char[] text, int from, int to) {
    int n = to - from;
    int overlap = maxDepth - 1;
    int seg = (n + 3) / 4;
    if (seg < MIN_LANE + overlap) {
      return matchLane(text, from, to);
    }
    int len = seg + overlap;
    int p0 = from;
    int p1 = from + seg - overlap;
    int p2 = from + 2 * seg - overlap;
    int p3 = to - len;
    char[] d = delta;
    char[] a = alphabet;
    long[] out = outputs;
    int w = width;
    int s0 = 0;
    int s1 = 0;
    int s2 = 0;
    int s3 = 0;
    long seen = 0;
    for (int i = 0; i < len; i++) {
      s0 = d[s0 * w + a[text[p0 + i]]];
      s1 = d[s1 * w + a[text[p1 + i]]];
      s2 = d[s2 * w + a[text[p2 + i]]];
      s3 = d[s3 * w + a[text[p3 + i]]];
      seen |= out[s0] | out[s1] | out[s2] | out[s3];
    }
    return seen;
  }

  private long matchLane(char[] text, int from, int to) {
    long seen = 0;
    int state = 0;
    for (int i = from; i < to; i++) {
      state = delta[state * width + alphabet[text[i]]];
      seen |= outputs[state];
    }
    return seen;
  }

  int groups() {
    return maxGroups;
  }
}
