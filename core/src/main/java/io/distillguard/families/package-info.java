/**
 * Stage 2b, template families: learns which shingles are template text (they recur across many requests) and which
 * are slot values (they do not), and groups requests whose template text is similar into families with an LSH
 * index. Consumes {@link io.distillguard.features.RequestFeatures} in event-time order; produces a family id per
 * request (or none, for free-form text). Global, deterministic state: the same event order gives the same families.
 */
package io.distillguard.families;
