/**
 * Stage 3, keyed state: mergeable, bounded sketches per account ({@link io.distillguard.state.AccountSketch}), per
 * template family ({@link io.distillguard.state.FamilySketch}) and per infrastructure key
 * ({@link io.distillguard.state.InfraSketch}). Every sketch has {@code update}, {@code merge} (commutative and
 * associative while its top-k summaries stay within capacity; beyond it, the space-saving error bound of Metwally,
 * Agrawal and El Abbadi, ICDT 2005, as merged by Agarwal et al., PODS 2012) and versioned
 * {@code toBytes}/{@code fromBytes}. Consumes request features; produces the state the linking and scoring stages
 * read.
 */
package io.distillguard.state;
