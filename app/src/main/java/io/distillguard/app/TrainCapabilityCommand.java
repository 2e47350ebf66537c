package io.distillguard.app;

import io.distillguard.features.CapabilityTrainer;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** {@code distillguard train-capability}: retrains the bundled capability model from the public prompt sets. */
@Command(
    name = "train-capability",
    mixinStandardHelpOptions = true,
    description = {
      "Trains the capability classifier (reasoning, coding, agentic tool use, general text classes) from the",
      "labelled public prompt sets (permissive licences only) and writes the model file. Deterministic: the same",
      "files and seed give the same bytes. Prints hold-out accuracy and leave-one-source-out accuracy, which",
      "estimates how the model carries over to prompt sources it has never seen.",
      ""
    })
final class TrainCapabilityCommand implements Callable<Integer> {

  @Option(names = "--prompts", required = true, paramLabel = "DIR",
      description = "The prompt collections folder (e.g. ../shared/data/prompts).")
  Path prompts;

  @Option(names = "--out", paramLabel = "FILE",
      defaultValue = "core/src/main/resources/io/distillguard/features/capability-model.bin.gz",
      description = "Model file to write (default: ${DEFAULT-VALUE}, the one bundled in the jar).")
  Path out;

  @Option(names = "--seed", defaultValue = "42", description = "Training seed (default: ${DEFAULT-VALUE}).")
  long seed;

  @Override
  public Integer call() throws Exception {
    CapabilityTrainer.Result r = new CapabilityTrainer(seed).train(prompts);
    System.out.printf("examples per class: %s%n", r.examplesPerClass());
    System.out.printf("hold-out accuracy (random 10%%): %.3f; wrapped in unseen request wording: %.3f%n",
        r.holdoutAccuracy(), r.holdoutWrappedAccuracy());
    double sum = 0;
    double sumWrapped = 0;
    System.out.println("leave-one-source-out accuracy (as is, wrapped in unseen request wording):");
    for (Map.Entry<String, Double> e : r.leaveOneSourceOut().entrySet()) {
      double wrapped = r.leaveOneSourceOutWrapped().get(e.getKey());
      System.out.printf("  %-72s %.3f  %.3f%n", e.getKey(), e.getValue(), wrapped);
      sum += e.getValue();
      sumWrapped += wrapped;
    }
    int n = r.leaveOneSourceOut().size();
    System.out.printf("  %-72s %.3f  %.3f%n", "mean", sum / n, sumWrapped / n);
    if (out.getParent() != null) {
      Files.createDirectories(out.getParent());
    }
    try (OutputStream os = Files.newOutputStream(out)) {
      r.model().write(os);
    }
    System.out.println("wrote " + out);
    return 0;
  }
}
