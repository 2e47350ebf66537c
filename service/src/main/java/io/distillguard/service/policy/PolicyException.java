package io.distillguard.service.policy;

/** A rule file that cannot be used; the message names the rule and what is wrong, for the operator. */
public final class PolicyException extends Exception {
  public PolicyException(String message) {
    super(message, null, false, false);
  }
}
