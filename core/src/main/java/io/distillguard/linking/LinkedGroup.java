package io.distillguard.linking;

import java.util.List;
import java.util.Map;

/**
 * A connected group of accounts and what connects them: for each template family and each infrastructure key that
 * joined members, how many members it joined; {@code familyMembers} are the members that joined through a shared
 * template family (the others joined through infrastructure only). Accounts are sorted; maps are sorted by key.
 */
public record LinkedGroup(List<String> accounts, Map<String, Integer> families, Map<String, Integer> infrastructure,
    java.util.Set<String> familyMembers) {
  public LinkedGroup {
    accounts = List.copyOf(accounts);
    familyMembers = java.util.Set.copyOf(familyMembers);
    // sorted, as documented: evidence lists and their truncation follow this order, and Map.copyOf's order varies
    // from one JVM run to the next
    families = java.util.Collections.unmodifiableMap(new java.util.TreeMap<>(families));
    infrastructure = java.util.Collections.unmodifiableMap(new java.util.TreeMap<>(infrastructure));
  }
}
