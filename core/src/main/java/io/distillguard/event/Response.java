package io.distillguard.event;

/** What the API returned ({@code response.*}); any component may be {@code null}. */
public record Response(
    Integer status,
    String finishReason,
    Integer inputTokens,
    Integer outputTokens,
    Integer reasoningTokens,
    Integer cachedInputTokens,
    Integer toolCalls,
    Integer latencyMs,
    String outputText) {

  public static final Response EMPTY = new Response(null, null, null, null, null, null, null, null, null);
}
