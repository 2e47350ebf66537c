package io.distillguard.sim;

import io.distillguard.event.Message;
import io.distillguard.event.Request;
import io.distillguard.event.Response;
import java.util.SplittableRandom;

/**
 * Fills in the response block of a request: status (mostly 200, some 429 and 500), finish reason, token counts
 * (input about a quarter of the prompt's characters, output by the kind of work, reasoning tokens within the
 * budget when reasoning is on), cached input for later agent turns, tool calls and latency.
 */
final class Responder {

  /** The kind of work a request asks for, which sets the typical output length. */
  enum Work {
    CHAT(280, 0.8),
    CODE(750, 0.7),
    LONG_REASONING(1900, 0.5),
    AGENT_STEP(140, 0.6),
    AGENT_FINAL(600, 0.6),
    GRADE(380, 0.4),
    REWRITE(40, 0.4),
    RAG(160, 0.5),
    EVAL(320, 0.6),
    TOOL_CALL(90, 0.5);

    final double medianOutput;
    final double sigma;

    Work(double medianOutput, double sigma) {
      this.medianOutput = medianOutput;
      this.sigma = sigma;
    }
  }

  static final String LARGE = "frontier-large";
  static final String MINI = "frontier-mini";
  static final String LARGE_2 = "frontier-large-2";

  private Responder() {}

  /**
   * The response to {@code q}. {@code limited} is the chance of a 429 (the caller's pressure on rate limits);
   * {@code cachedShare} the share of input served from the prompt cache (0 for none).
   */
  static Response respond(Request q, Work work, double limited, double cachedShare, SplittableRandom r) {
    int input = inputTokens(q);
    double u = r.nextDouble();
    if (u < 0.003) {
      return new Response(500, null, null, null, null, null, null, 200 + r.nextInt(9000), null);
    }
    if (u < 0.003 + limited) {
      return new Response(429, null, null, null, null, null, null, 20 + r.nextInt(120), null);
    }
    boolean mini = MINI.equals(q.model());
    int max = q.maxTokens() == null ? 4096 : q.maxTokens();
    int reasoning = 0;
    if (q.reasoning() != null && Boolean.TRUE.equals(q.reasoning().enabled())) {
      int budget = q.reasoning().budgetTokens() == null ? 8000 : q.reasoning().budgetTokens();
      double med = work == Work.LONG_REASONING || work == Work.GRADE ? 3500 : 900;
      reasoning = (int) Math.min(budget, lognormal(med, 0.7, r));
    }
    int out = (int) Math.max(3, lognormal(work.medianOutput, work.sigma, r));
    String finish = "end_turn";
    Integer toolCalls = q.tools().isEmpty() ? null : 0;
    if (work == Work.AGENT_STEP || work == Work.TOOL_CALL) {
      if (!q.tools().isEmpty() && r.nextInt(10) < 9) {
        finish = "tool_use";
        toolCalls = r.nextInt(6) == 0 ? 2 : 1;
      }
    } else if (work == Work.REWRITE && r.nextInt(12) == 0) {
      finish = "refusal";
      out = 20 + r.nextInt(40);
    }
    if (out + reasoning > max) {
      out = Math.max(1, max - reasoning);
      finish = "max_tokens";
    }
    Integer cached = cachedShare > 0 ? (int) (input * cachedShare) : null;
    double perToken = mini ? 5.5 : 13.0;
    int latency = (int) ((mini ? 180 : 320) + input * 0.02 + (out + reasoning) * perToken * (0.8 + 0.4 * r.nextDouble()));
    return new Response(
        200, finish, input, out, reasoning > 0 ? reasoning : null, cached, toolCalls, latency, null);
  }

  /** About four characters per token over system prompt, messages and tool definitions; images count ~1,500. */
  static int inputTokens(Request q) {
    long chars = q.system() == null ? 0 : q.system().length();
    int images = 0;
    for (Message m : q.messages()) {
      chars += 16;
      for (Message.Part p : m.parts()) {
        if (p.text() != null) {
          chars += p.text().length();
        }
        if ("image".equals(p.type())) {
          images++;
        }
        if (p.name() != null) {
          chars += 24 + p.name().length();
        }
      }
    }
    for (Request.Tool t : q.tools()) {
      chars += 120 + t.name().length() + (t.description() == null ? 0 : t.description().length());
    }
    return (int) Math.max(1, chars / 4 + images * 1500L);
  }

  static double lognormal(double median, double sigma, SplittableRandom r) {
    return median * StrictMath.exp(sigma * gaussian(r));
  }

  /** A standard normal draw (Box-Muller, one of the pair). */
  static double gaussian(SplittableRandom r) {
    double u1 = 1.0 - r.nextDouble();
    double u2 = r.nextDouble();
    return Math.sqrt(-2 * StrictMath.log(u1)) * StrictMath.cos(2 * Math.PI * u2);
  }

  /** An exponential draw with the given mean. */
  static double exponential(double mean, SplittableRandom r) {
    return -mean * StrictMath.log(1.0 - r.nextDouble());
  }
}
