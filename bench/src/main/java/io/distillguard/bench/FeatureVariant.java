package io.distillguard.bench;

import io.distillguard.event.Event;
import io.distillguard.event.EventStream;
import io.distillguard.event.ReaderOptions;
import io.distillguard.features.FeatureExtractor;
import io.distillguard.features.RequestFeatures;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.MalformedURLException;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * One build of the feature stage with its own events in memory, for {@link FeatureThroughput} and
 * {@link FeatureEquivalence}. Each variant is loaded in its own class loader from a jar (this class is found in the
 * jar given last, so an older build that lacks it still runs it against its own classes); the host talks to it by
 * reflection only, through JDK types.
 */
public final class FeatureVariant {

  private final List<Event> events = new ArrayList<>();
  private final FeatureExtractor extractor = FeatureExtractor.withBundledModel();

  /** Reads the first {@code limit} events of {@code file} into memory. */
  public FeatureVariant(String file, int limit) throws IOException {
    try (EventStream s = EventStream.open(List.of(Path.of(file)), ReaderOptions.defaults(), r -> { })) {
      while (events.size() < limit && s.hasNext()) {
        events.add(s.next());
      }
    }
  }

  public int size() {
    return events.size();
  }

  /** Extracts every event once; returns a checksum so that the work cannot be discarded. */
  public long extractAll() {
    long sum = 0;
    for (Event e : events) {
      RequestFeatures f = extractor.extract(e);
      sum += f.shingles().length + f.systemHash() + f.capability().ordinal() + f.promptChars();
    }
    return sum;
  }

  /**
   * The features of event {@code i} as JDK values, in record order: shingles, systemHash, capability name, cot score,
   * cot reconstruction, promptChars, hasImages, toolCount.
   */
  public Object[] fields(int i) {
    RequestFeatures f = extractor.extract(events.get(i));
    return new Object[] {
      f.shingles(), f.systemHash(), f.capability().name(), f.cot().score(), f.cot().reconstruction(),
      f.promptChars(), f.hasImages(), f.toolCount()
    };
  }

  /** The event id of event {@code i}. */
  public String id(int i) {
    return events.get(i).eventId();
  }

  /** Loads a variant from {@code jar} (classes missing there, such as this one, come from this class's own jar). */
  static Object load(Path jar, String file, int limit) throws ReflectiveOperationException {
    try {
      URL self = FeatureVariant.class.getProtectionDomain().getCodeSource().getLocation();
      URL[] urls = jar.toUri().toURL().equals(self) ? new URL[] {self} : new URL[] {jar.toUri().toURL(), self};
      ClassLoader loader = new URLClassLoader(urls, ClassLoader.getPlatformClassLoader());
      return loader.loadClass(FeatureVariant.class.getName())
          .getConstructor(String.class, int.class)
          .newInstance(file, limit);
    } catch (MalformedURLException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** Calls a no-argument or one-int-argument method of a loaded variant. */
  static Object call(Object variant, String method, Object... args) throws ReflectiveOperationException {
    Class<?>[] types = new Class<?>[args.length];
    for (int i = 0; i < args.length; i++) {
      types[i] = int.class;
    }
    return variant.getClass().getMethod(method, types).invoke(variant, args);
  }
}
