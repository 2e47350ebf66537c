package io.distillguard.families;

/**
 * An earlier request of account {@code account} and task {@code taskKey} ({@code RequestFeatures#taskKey}), free-form
 * when it arrived, found since to be of template family {@code family} (an id as {@link TemplateFamilies#assign}
 * returns them): its template's text was not known yet.
 */
public record LateAssignment(String account, String family, long taskKey) {}
