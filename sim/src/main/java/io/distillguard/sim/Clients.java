package io.distillguard.sim;

import io.distillguard.event.ClientInfo;
import java.util.SplittableRandom;

/** Builds client blocks for the ways a request reaches the API: direct, console, cloud platforms and routers. */
final class Clients {

  private Clients() {}

  static ClientInfo direct(Network.Asn asn, String ip, Network.Software sw) {
    return new ClientInfo(ip, asn.number(), asn.org(), sw.userAgent(), sw.tls(), "direct");
  }

  static ClientInfo console(Network.Asn asn, String ip, Network.Software browser) {
    return new ClientInfo(ip, asn.number(), asn.org(), browser.userAgent(), browser.tls(), "console");
  }

  /** A developer's client library: a Python SDK half the time, a Node SDK 30%, a plain HTTP library 20%. */
  static Network.Software sdk(SplittableRandom r) {
    int k = r.nextInt(10);
    if (k < 5) {
      return Network.pick(Network.PYTHON_SDKS, r);
    }
    if (k < 8) {
      return Network.pick(Network.NODE_SDKS, r);
    }
    return Network.pick(Network.HTTP_LIBS, r);
  }

  /**
   * An ordinary customer's client: direct with an SDK (72%) or the console in a browser (12%) from an address in
   * {@code home}, or relayed by OpenRouter (7%), Bedrock (5%) or Vertex (4%) from their egress.
   */
  static ClientInfo customer(Network.Asn home, SplittableRandom r) {
    int path = r.nextInt(100);
    if (path < 84) {
      return fromHome(home, path < 72, r);
    }
    if (path < 91) {
      return router("openrouter", sdk(r), r);
    }
    return cloud(path < 96 ? "aws-bedrock" : "gcp-vertex", r);
  }

  /** A customer calling from an address in {@code home}: directly with an SDK, or else from the console. */
  static ClientInfo fromHome(Network.Asn home, boolean withSdk, SplittableRandom r) {
    return withSdk
        ? direct(home, home.ip(r), sdk(r))
        : console(home, home.ip(r), Network.pick(Network.BROWSERS, r));
  }

  /** One of a provider's few egress addresses ({@code k} picks which; stable for a given k). */
  static String poolIp(Network.Asn asn, int k) {
    int b = asn.blocks()[Math.floorMod(k, asn.blocks().length)];
    int c = Math.floorMod(k * 37 + 11, 256);
    int d = 1 + Math.floorMod(k * 101 + 7, 254);
    return (b >> 8) + "." + (b & 0xff) + "." + c + "." + d;
  }

  /** A request relayed by a cloud platform ({@code aws-bedrock} or {@code gcp-vertex}) from its egress. */
  static ClientInfo cloud(String provider, SplittableRandom r) {
    boolean aws = provider.equals("aws-bedrock");
    Network.Asn asn = Network.byNumber(aws ? 16509 : 396982);
    Network.Software sw = Network.pick(aws ? Network.CLOUD_BEDROCK : Network.CLOUD_VERTEX, r);
    return new ClientInfo(
        poolIp(asn, r.nextInt(64)), asn.number(), asn.org(), sw.userAgent(), sw.tls(), "cloud:" + provider);
  }

  /** A request relayed by router {@code name}: the router's egress address and TLS, the caller's user agent. */
  static ClientInfo router(String name, Network.Software sw, SplittableRandom r) {
    Network.Router rt = Network.router(name);
    return new ClientInfo(
        poolIp(rt.asn(), r.nextInt(32)), rt.asn().number(), rt.asn().org(), sw.userAgent(), rt.tls(),
        "router:" + name);
  }
}
