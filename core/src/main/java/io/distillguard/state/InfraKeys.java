package io.distillguard.state;

/**
 * Infrastructure keys derived from request metadata: an IPv4 address's /24 range, an IPv6 address's /48, so that
 * addresses rotated within one provider's block still meet.
 */
public final class InfraKeys {

  private InfraKeys() {}

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
