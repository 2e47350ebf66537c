package io.distillguard.eval;

import java.time.Instant;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * What the simulator says it generated ({@code scenario.json}): the time span, model releases, and every campaign
 * and persona by name. Only names are required; any other component may be {@code null} when the file lacks it, and
 * the evaluation then omits what depends on it (a campaign without {@code start} has no time to first flag).
 */
public record Scenario(
    String format,
    Long seed,
    Double scale,
    Instant start,
    Instant end,
    Long events,
    Long accounts,
    List<ModelRelease> modelReleases,
    List<Campaign> campaigns,
    List<Persona> personas) {

  /** The {@code format} value this reader understands. */
  public static final String FORMAT = "distillguard-scenario-v1";

  public Scenario {
    modelReleases = modelReleases == null ? List.of() : List.copyOf(modelReleases);
    campaigns = campaigns == null ? List.of() : List.copyOf(campaigns);
    personas = personas == null ? List.of() : List.copyOf(personas);
  }

  /** The first campaign named {@code name}. */
  public Optional<Campaign> campaign(String name) {
    return campaigns.stream().filter(c -> c.name().equals(name)).findFirst();
  }

  /** The first persona named {@code name}. */
  public Optional<Persona> persona(String name) {
    return personas.stream().filter(p -> p.name().equals(name)).findFirst();
  }

  /** A new model made available at {@code at}. */
  public record ModelRelease(String model, Instant at) {
    public ModelRelease {
      Objects.requireNonNull(model, "model");
    }
  }

  /**
   * A simulated campaign: its labels carry {@code name} as their group; {@code family} is the attack family it
   * belongs to; {@code pace} is {@code null} when missing or not one this reader knows.
   */
  public record Campaign(
      String name,
      String family,
      LabelClass labelClass,
      Pace pace,
      Instant start,
      Instant end,
      Long accounts,
      Long events,
      String description) {
    public Campaign {
      Objects.requireNonNull(name, "name");
    }

    /** {@code family}, or the campaign's name when the scenario gives none. */
    public String familyOrName() {
      return family != null && !family.isEmpty() ? family : name;
    }
  }

  /** A simulated customer population: its labels carry {@code name} as their group. */
  public record Persona(
      String name,
      LabelClass labelClass,
      boolean hardNegative,
      Long accounts,
      Long events,
      String description) {
    public Persona {
      Objects.requireNonNull(name, "name");
    }
  }
}
