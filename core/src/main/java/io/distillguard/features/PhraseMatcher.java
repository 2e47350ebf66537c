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

  /** Builds a matcher; {@code phrases[g]} are the phrases of group {@code g} (at most 64 groups). */
  PhraseMatcher(List<List<String>> phrases) {
    if (phrases.size() > 64) {
      throw new IllegalArgumentException("at most 64 groups: " + phrases.size());
    }
    this.maxGroups = phrases.size();
    newState();
    TextNormalizer norm = TextNormalizer.standard();
    for (int g = 0; g < phrases.size(); g++) {
      for (String p : phrases.get(g)) {
        String s = norm.normalize(p);
        if (s.isEmpty()) {
          throw new IllegalArgumentException("phrase normalizes to nothing: '" + p + "'");
        }
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
    int w = 0;
    StringBuilder chars = new StringBuilder();
    for (Map<Character, Integer> m : next) {
      for (char c : m.keySet()) {
        if (alphabet[c] == 0) {
          alphabet[c] = (char) ++w;
          chars.append(c);
        }
      }
    }
    this.width = w + 1;
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

  int groups() {
    return maxGroups;
  }
}
