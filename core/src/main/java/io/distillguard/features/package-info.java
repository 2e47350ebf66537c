/**
 * Stage 2, features (stateless, per request, the hot path): a normalization chain that defeats zero-width,
 * homoglyph, case and whitespace games; a template skeleton with slot values masked; fingerprints (SimHash and
 * one-permutation MinHash with LSH bands) over skeleton shingles. Consumes {@link io.distillguard.event.Event}s;
 * produces per-request feature records for the keyed-state stage.
 *
 * <p>References: Charikar, "Similarity estimation techniques from rounding algorithms" (STOC 2002) and Manku et al.,
 * "Detecting near-duplicates for web crawling" (WWW 2007) for SimHash; Li, Owen and Zhang, "One permutation hashing"
 * (NIPS 2012) and Shrivastava, "Optimal densification for fast and accurate minwise hashing" (ICML 2017) for the
 * MinHash used here.
 */
package io.distillguard.features;
