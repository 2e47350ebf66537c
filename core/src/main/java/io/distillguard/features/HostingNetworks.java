package io.distillguard.features;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.HashSet;
import java.util.Set;

/**
 * Autonomous systems of hosting, VPS and public-cloud compute providers (the bundled {@code hosting-asns.txt}): a
 * request sent directly from one comes from a server, not from a home, office or phone. A hint, never an exoneration:
 * a campaign behind residential proxies is not in it, and neither is a customer's office. Immutable.
 */
public final class HostingNetworks {

  private static final Set<Long> BUNDLED = load();

  private HostingNetworks() {}

  /** Whether {@code asn} is a hosting or cloud compute network ({@code null}: unknown, no). */
  public static boolean isHosting(Long asn) {
    return asn != null && BUNDLED.contains(asn);
  }

  /**
   * Whether a request over {@code accessPath} from {@code asn} came straight from a server: directly (or with no path
   * given), not through a cloud's model platform or a router, whose own addresses say nothing of the customer.
   */
  public static boolean directFromHosting(Long asn, String accessPath) {
    return (accessPath == null || accessPath.equals("direct")) && isHosting(asn);
  }

  private static Set<Long> load() {
    Set<Long> out = new HashSet<>();
    try (InputStream in = HostingNetworks.class.getResourceAsStream("hosting-asns.txt")) {
      if (in == null) {
        throw new IllegalStateException("hosting-asns.txt missing from the classpath");
      }
      BufferedReader r = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8));
      String line;
      while ((line = r.readLine()) != null) {
        String t = line.strip();
        if (t.isEmpty() || t.startsWith("#")) {
          continue;
        }
        int space = t.indexOf(' ');
        out.add(Long.parseLong(space < 0 ? t : t.substring(0, space)));
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return Set.copyOf(out);
  }
}
