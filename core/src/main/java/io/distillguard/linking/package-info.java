/**
 * Stage 4, linking: builds the account graph from shared template families, infrastructure and timing, and turns
 * its communities into {@link io.distillguard.linking.Campaign}s with the evidence that links them.
 */
package io.distillguard.linking;
