package io.distillguard.sim;

import java.nio.file.Path;
import java.util.List;
import java.util.Objects;

/**
 * What a run produced: event and account counts (accounts that sent at least one event), the files written, the
 * events file's size on disk and uncompressed, and the wall time and rate of generation.
 */
public record SimulationResult(
    long events,
    int accounts,
    int attackAccounts,
    List<Path> files,
    long bytes,
    long uncompressedBytes,
    double seconds,
    double eventsPerSecond) {

  public SimulationResult {
    Objects.requireNonNull(files, "files");
    files = List.copyOf(files);
    if (events < 0 || accounts < 0 || attackAccounts < 0 || attackAccounts > accounts) {
      throw new IllegalArgumentException("inconsistent counts");
    }
  }
}
