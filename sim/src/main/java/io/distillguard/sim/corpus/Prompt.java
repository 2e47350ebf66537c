package io.distillguard.sim.corpus;

import io.distillguard.event.Request;
import java.util.List;
import java.util.Objects;

/**
 * One prompt from a public set: its text, and where the source has them a system prompt, tool definitions, a
 * reference answer and a tag (task, source, category). Only {@code text} is required.
 */
public record Prompt(String text, String system, List<Request.Tool> tools, String answer, String tag) {

  public Prompt {
    Objects.requireNonNull(text, "text");
    tools = tools == null ? List.of() : List.copyOf(tools);
  }

  /** A prompt with text only. */
  public static Prompt of(String text) {
    return new Prompt(text, null, List.of(), null, null);
  }
}
