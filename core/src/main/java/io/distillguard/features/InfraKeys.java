package io.distillguard.features;

/**
 * Infrastructure keys derived from request metadata: an IPv4 address's /24 range, an IPv6 address's /48, so that
 * addresses rotated within one provider's block still meet.
 */
public final class InfraKeys {

  private InfraKeys() {}

  /** Prefix of a client configuration that set no parameters of its own. */
  public static final String DEFAULTS = "defaults-";

  private static final net.openhft.hashing.LongHashFunction XX = net.openhft.hashing.LongHashFunction.xx3(0x4A11E55L);

  /** Separates a client configuration's own fingerprint from its harness's ({@link #harness}). */
  public static final char HARNESS_SEPARATOR = '.';

  /**
   * A fingerprint of the client configuration a request was sent with: TLS fingerprint, access path, model,
   * operation and the sampling, output and reasoning parameters. A harvesting harness sends every request of every
   * account it drives the same way, whatever the prompt's wording; the User-Agent is left out, being a header any
   * script can rotate. Sixteen hex digits of a keyed hash: no request content; prefixed {@value #DEFAULTS} when the
   * request set none of the output, sampling or reasoning parameters (defaults are shared by crowds who never touch
   * them, so such a configuration says nothing about who drives it). When the request set its output limit, top_p, n
   * or logprobs, followed by {@value #HARNESS_SEPARATOR} and the sixteen hex digits of its harness ({@link
   * #harness}).
   */
  public static String clientConfiguration(io.distillguard.event.Event e) {
    io.distillguard.event.Request q = e.request();
    io.distillguard.event.ClientInfo c = e.clientOrEmpty();
    io.distillguard.event.Request.Reasoning r = q.reasoning();
    StringBuilder sb = new StringBuilder(160);
    sb.append(c.tlsFingerprint()).append('|').append(c.accessPath()).append('|').append(q.model()).append('|')
        .append(q.operation()).append('|').append(q.maxTokens()).append('|').append(q.temperature()).append('|')
        .append(q.topP()).append('|').append(q.n()).append('|').append(q.stream()).append('|')
        .append(r == null ? null : r.enabled()).append('|').append(r == null ? null : r.budgetTokens()).append('|')
        .append(q.logprobs());
    String hex = hex(XX.hashChars(sb));
    boolean defaults = q.maxTokens() == null && q.temperature() == null && q.topP() == null
        && (r == null || r.budgetTokens() == null);
    if (defaults) {
      return DEFAULTS + hex;
    }
    if (q.maxTokens() == null && q.topP() == null && q.n() == null && q.logprobs() == null) {
      return hex;
    }
    sb.setLength(0);
    sb.append("harness|").append(c.accessPath()).append('|').append(q.model()).append('|').append(q.operation())
        .append('|').append(q.maxTokens()).append('|').append(q.topP()).append('|').append(q.n()).append('|')
        .append(q.stream()).append('|').append(q.logprobs());
    return hex + HARNESS_SEPARATOR + hex(XX.hashChars(sb));
  }

  /**
   * The harness part of a {@link #clientConfiguration} (sixteen hex digits), or null when it has none: the same
   * configuration without its TLS fingerprint, temperature and reasoning settings. An operator who varies those per
   * account (library versions across its machines, a different reasoning budget for each account, with the
   * temperature that reasoning requires) still sends through one harness; so do customers who share an SDK's
   * output settings, which is why linking counts a harness's owners as it counts a configuration's.
   */
  public static String harness(String clientConfiguration) {
    int dot = clientConfiguration == null ? -1 : clientConfiguration.indexOf(HARNESS_SEPARATOR);
    return dot < 0 ? null : clientConfiguration.substring(dot + 1);
  }

  private static String hex(long h) {
    String hex = Long.toHexString(h);
    return hex.length() == 16 ? hex : "0".repeat(16 - hex.length()) + hex;
  }

  /**
   * Who owns the account that sent a request, for counting unrelated users of a key: its declared organisation
   * ({@code org:}), else its payment fingerprint ({@code pay:}), else the account itself ({@code acct:}).
   */
  public static String owner(io.distillguard.event.Event e) {
    if (e.orgId() != null) {
      return "org:" + e.orgId();
    }
    String pf = e.accountOrEmpty().paymentFingerprint();
    return pf != null ? "pay:" + pf : "acct:" + e.accountId();
  }

  /** {@code a.b.c.0/24} for IPv4, the first three groups plus {@code ::/48} for IPv6, {@code null} otherwise. */
  public static String ipRange(String ip) {
    if (ip == null || ip.isEmpty() || ip.length() > 64) {
      return null;
    }
    int colon = ip.indexOf(':');
    if (colon < 0) {
      int last = ip.lastIndexOf('.');
      int dots = 0;
      for (int i = 0; i < ip.length(); i++) {
        char c = ip.charAt(i);
        if (c == '.') {
          dots++;
        } else if (c < '0' || c > '9') {
          return null;
        }
      }
      return dots == 3 && last > 0 ? ip.substring(0, last) + ".0/24" : null;
    }
    String[] groups = ip.split(":", -1);
    if (groups.length < 3) {
      return null;
    }
    StringBuilder sb = new StringBuilder();
    for (int i = 0; i < 3; i++) {
      if (groups[i].isEmpty()) {
        return ip.toLowerCase(java.util.Locale.ROOT) + "/128"; // compressed form too early: keep the address
      }
      sb.append(groups[i].toLowerCase(java.util.Locale.ROOT)).append(':');
    }
    return sb.append(":/48").toString();
  }
}
