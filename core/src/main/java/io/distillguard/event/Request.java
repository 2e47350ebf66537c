package io.distillguard.event;

import java.util.List;
import java.util.Objects;

/**
 * The request as sent ({@code request.*}). Only {@code model} is required; {@code messages} and {@code tools} are
 * never {@code null} (absent means empty) and are copied on construction.
 */
public record Request(
    String model,
    String operation,
    String system,
    List<Message> messages,
    List<Tool> tools,
    Integer maxTokens,
    Double temperature,
    Double topP,
    Integer n,
    Boolean stream,
    Reasoning reasoning,
    Boolean logprobs) {

  public Request {
    Objects.requireNonNull(model, "request.model");
    if (model.isEmpty()) {
      throw new IllegalArgumentException("request.model is empty");
    }
    messages = messages == null ? List.of() : List.copyOf(messages);
    tools = tools == null ? List.of() : List.copyOf(tools);
  }

  /** A request with only a model and messages, the rest absent. */
  public static Request of(String model, List<Message> messages) {
    return new Request(model, null, null, messages, List.of(), null, null, null, null, null, null, null);
  }

  /** Extended reasoning / thinking settings ({@code request.reasoning}). */
  public record Reasoning(Boolean enabled, Integer budgetTokens) {}

  /** A tool definition offered to the model. */
  public record Tool(String name, String description) {
    public Tool {
      Objects.requireNonNull(name, "tool name");
    }
  }
}
