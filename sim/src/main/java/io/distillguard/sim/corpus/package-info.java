/**
 * Prompt corpus: reads public prompt sets (the bundled seeded sample of permissively licensed files, or an external
 * folder in the same layout) into bounded {@link io.distillguard.sim.corpus.Prompt}s for the simulator, and
 * rebuilds the bundled sample ({@link io.distillguard.sim.corpus.CorpusBuilder}).
 */
package io.distillguard.sim.corpus;
