package io.distillguard.linking;

import java.util.List;
import java.util.Map;

/**
 * A connected group of accounts and what connects them: for each template family and each infrastructure key that
 * joined members, how many members it joined; {@code familyMembers} are the members that joined through a shared
 * template family (the others joined through infrastructure only). Accounts are sorted.
 */
public record LinkedGroup(List<String> accounts, Map<String, Integer> families, Map<String, Integer> infrastructure,
    java.util.Set<String> familyMembers) {
  public LinkedGroup {
    accounts = List.copyOf(accounts);
    familyMembers = java.util.Set.copyOf(familyMembers);
    families = Map.copyOf(families);
    infrastructure = Map.copyOf(infrastructure);
  }
}
