package io.distillguard.linking;

import java.util.List;
import java.util.Map;

/**
 * A connected group of accounts and what connects them: for each template family and each infrastructure key that
 * joined members, how many members it joined; {@code familyMembers} are the members that joined through a shared
 * template family, lockstep, a shared payment instrument or an earlier campaign (the others joined through address
 * ranges or client configurations only). {@code memberLinks} names, for each member, the links it joined through,
 * each as in {@link #linkName}: a family id, {@value CampaignLinker#LOCKSTEP}, an infrastructure key such as
 * {@code pay:pf-1} or an earlier campaign {@code campaign:cmp-f00001}; a member joined only through a link no other
 * member shares (it is in the group through its neighbours' links) has none. Accounts are sorted; maps are sorted by
 * key.
 */
public record LinkedGroup(List<String> accounts, Map<String, Integer> families, Map<String, Integer> infrastructure,
    java.util.Set<String> familyMembers, Map<String, List<String>> memberLinks) {
  public LinkedGroup {
    accounts = List.copyOf(accounts);
    familyMembers = java.util.Set.copyOf(familyMembers);
    // sorted, as documented: evidence lists and their truncation follow this order, and Map.copyOf's order varies
    // from one JVM run to the next
    families = java.util.Collections.unmodifiableMap(new java.util.TreeMap<>(families));
    infrastructure = java.util.Collections.unmodifiableMap(new java.util.TreeMap<>(infrastructure));
    memberLinks = Map.copyOf(memberLinks);
  }

  /** A group without per-member links. */
  public LinkedGroup(List<String> accounts, Map<String, Integer> families, Map<String, Integer> infrastructure,
      java.util.Set<String> familyMembers) {
    this(accounts, families, infrastructure, familyMembers, Map.of());
  }

  /** The links {@code account} joined through (empty when none is recorded). */
  public List<String> linksOf(String account) {
    return memberLinks.getOrDefault(account, List.of());
  }

  /**
   * The wire name of a linker node: {@code f:tf-7} is {@code tf-7}, {@code i:pay:pf-1} is {@code pay:pf-1},
   * {@code c:cmp-f00001} is {@code campaign:cmp-f00001}, lockstep is itself.
   */
  static String linkName(String node) {
    if (node.startsWith("f:") || node.startsWith("i:")) {
      return node.substring(2);
    }
    if (node.startsWith("c:")) {
      return "campaign:" + node.substring(2);
    }
    return node;
  }
}
