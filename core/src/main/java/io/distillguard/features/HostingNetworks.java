package io.distillguard.features;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashSet;
import java.util.Set;

/**
 * Autonomous systems of hosting, VPS and public-cloud compute providers: a request sent directly from one comes from
 * a server, not from a home, office or phone. A hint, never an exoneration: a campaign behind residential proxies is
 * not in it, and neither is a customer's office. Immutable and thread-safe.
 *
 * <p>The bundled list ({@code hosting-asns.txt}, about fifty providers) is the default. An operator with better data
 * (its own ASN classification, a commercial feed) passes a file in the same format to {@link #bundledWith}: one ASN a
 * line, optionally followed by a space and a comment, {@code #} comment lines; a line {@code -ASN} removes that ASN
 * from the bundled list (for example a cloud that hosts most of the operator's own customers).
 */
public final class HostingNetworks {

  private static final String RESOURCE = "hosting-asns.txt";
  private static final HostingNetworks BUNDLED = new HostingNetworks(bundledSet());

  private final Set<Long> asns;

  private HostingNetworks(Set<Long> asns) {
    this.asns = Set.copyOf(asns);
  }

  /** The bundled list. */
  public static HostingNetworks bundled() {
    return BUNDLED;
  }

  /**
   * The bundled list with {@code file}'s additions and removals applied. Throws {@link IllegalArgumentException}
   * naming the file and line of an entry that is not an ASN.
   */
  public static HostingNetworks bundledWith(Path file) throws IOException {
    Set<Long> out = new HashSet<>(BUNDLED.asns);
    try (BufferedReader r = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
      apply(r, file.toString(), out);
    }
    return new HostingNetworks(out);
  }

  /** Whether {@code asn} is a hosting or cloud compute network ({@code null}: unknown, no). */
  public boolean isHosting(Long asn) {
    return asn != null && asns.contains(asn);
  }

  /**
   * Whether a request over {@code accessPath} from {@code asn} came straight from a server: directly (or with no path
   * given), not through a cloud's model platform or a router, whose own addresses say nothing of the customer.
   */
  public boolean directFromHosting(Long asn, String accessPath) {
    return (accessPath == null || accessPath.equals("direct")) && isHosting(asn);
  }

  /** How many ASNs are listed. */
  public int size() {
    return asns.size();
  }

  private static Set<Long> bundledSet() {
    Set<Long> out = new HashSet<>();
    try (InputStream in = HostingNetworks.class.getResourceAsStream(RESOURCE)) {
      if (in == null) {
        throw new IllegalStateException(RESOURCE + " missing from the classpath");
      }
      apply(new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8)), RESOURCE, out);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return out;
  }

  private static void apply(BufferedReader r, String source, Set<Long> out) throws IOException {
    String line;
    int number = 0;
    while ((line = r.readLine()) != null) {
      number++;
      String t = line.strip();
      if (t.isEmpty() || t.startsWith("#")) {
        continue;
      }
      int space = t.indexOf(' ');
      String entry = space < 0 ? t : t.substring(0, space);
      boolean remove = entry.startsWith("-");
      if (remove) {
        entry = entry.substring(1);
      }
      if (entry.regionMatches(true, 0, "AS", 0, 2)) {
        entry = entry.substring(2);
      }
      long asn;
      try {
        asn = Long.parseLong(entry);
      } catch (NumberFormatException e) {
        asn = -1;
      }
      if (asn < 0 || asn > 0xFFFF_FFFFL) {
        throw new IllegalArgumentException(source + " line " + number + ": not an ASN (a number from 0 to 4294967295, "
            + "optionally written AS123, or -123 to remove one)");
      }
      if (remove) {
        out.remove(asn);
      } else {
        out.add(asn);
      }
    }
  }
}
