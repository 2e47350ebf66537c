/**
 * Policy: operator decisions layered over scores. Consumes account identities and verdicts; produces the verdict
 * or action the operator's configuration demands (today: the allowlist of accounts and organisations that may
 * distil under an agreement).
 */
package io.distillguard.policy;
