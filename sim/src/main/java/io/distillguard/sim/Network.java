package io.distillguard.sim;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.TreeMap;

/**
 * The simulated internet: autonomous systems (real numbers and names, illustrative address blocks) by kind and
 * country, addresses drawn inside them, and client software (SDK user agents with the TLS fingerprint their runtime
 * presents). Immutable; all draws take the caller's random source.
 */
final class Network {

  enum Kind {
    RESIDENTIAL,
    MOBILE,
    HOSTING,
    CLOUD,
    BUSINESS,
    EDU
  }

  /** An autonomous system and the /16 blocks its addresses are drawn from. */
  record Asn(long number, String org, Kind kind, String country, int[] blocks) {
    String ip(SplittableRandom r) {
      int b = blocks[r.nextInt(blocks.length)];
      return (b >> 8) + "." + (b & 0xff) + "." + r.nextInt(256) + "." + (1 + r.nextInt(254));
    }

    /** A /24 inside this AS, as its first three octets. */
    String range24(SplittableRandom r) {
      int b = blocks[r.nextInt(blocks.length)];
      return (b >> 8) + "." + (b & 0xff) + "." + r.nextInt(256);
    }
  }

  /** A client library: user agent and the JA4 TLS fingerprint of its runtime. */
  record Software(String userAgent, String tls) {}

  private static Asn asn(long n, String org, Kind k, String cc, int... blocks) {
    return new Asn(n, org, k, cc, blocks);
  }

  private static int b(int a, int b) {
    return a << 8 | b;
  }

  static final List<Asn> ASNS =
      List.of(
          asn(7922, "Comcast Cable Communications, LLC", Kind.RESIDENTIAL, "US", b(73, 15), b(98, 210), b(24, 6)),
          asn(7018, "AT&T Services, Inc.", Kind.RESIDENTIAL, "US", b(99, 10), b(107, 77), b(76, 200)),
          asn(701, "Verizon Business", Kind.RESIDENTIAL, "US", b(71, 191), b(108, 46), b(96, 255)),
          asn(20115, "Charter Communications", Kind.RESIDENTIAL, "US", b(47, 32), b(66, 108), b(97, 83)),
          asn(22773, "Cox Communications Inc.", Kind.RESIDENTIAL, "US", b(68, 4), b(70, 160)),
          asn(21928, "T-Mobile USA, Inc.", Kind.MOBILE, "US", b(172, 56), b(172, 58)),
          asn(22394, "Cellco Partnership DBA Verizon Wireless", Kind.MOBILE, "US", b(174, 205), b(174, 222)),
          asn(3320, "Deutsche Telekom AG", Kind.RESIDENTIAL, "DE", b(79, 192), b(87, 144), b(91, 56)),
          asn(3209, "Vodafone GmbH", Kind.RESIDENTIAL, "DE", b(88, 64), b(94, 134)),
          asn(2856, "British Telecommunications PLC", Kind.RESIDENTIAL, "GB", b(81, 129), b(86, 128)),
          asn(5089, "Virgin Media Limited", Kind.RESIDENTIAL, "GB", b(82, 3), b(92, 233)),
          asn(3215, "Orange S.A.", Kind.RESIDENTIAL, "FR", b(90, 24), b(86, 246)),
          asn(12322, "Free SAS", Kind.RESIDENTIAL, "FR", b(78, 192), b(82, 64)),
          asn(1136, "KPN B.V.", Kind.RESIDENTIAL, "NL", b(77, 160), b(145, 53)),
          asn(3352, "Telefonica de Espana S.A.U.", Kind.RESIDENTIAL, "ES", b(83, 32), b(88, 0)),
          asn(3269, "Telecom Italia S.p.A.", Kind.RESIDENTIAL, "IT", b(79, 20), b(87, 0)),
          asn(5617, "Orange Polska Spolka Akcyjna", Kind.RESIDENTIAL, "PL", b(83, 24), b(89, 64)),
          asn(4713, "NTT Communications Corporation", Kind.RESIDENTIAL, "JP", b(153, 156), b(114, 150)),
          asn(2516, "KDDI CORPORATION", Kind.RESIDENTIAL, "JP", b(106, 128), b(111, 86)),
          asn(4766, "Korea Telecom", Kind.RESIDENTIAL, "KR", b(175, 192), b(211, 36)),
          asn(24560, "Bharti Airtel Ltd.", Kind.RESIDENTIAL, "IN", b(122, 161), b(182, 64)),
          asn(55836, "Reliance Jio Infocomm Limited", Kind.MOBILE, "IN", b(49, 36), b(157, 32)),
          asn(28573, "Claro NXT Telecomunicacoes Ltda", Kind.RESIDENTIAL, "BR", b(177, 32), b(179, 104)),
          asn(18881, "TELEFONICA BRASIL S.A", Kind.RESIDENTIAL, "BR", b(177, 139), b(187, 20)),
          asn(812, "Rogers Communications Canada Inc.", Kind.RESIDENTIAL, "CA", b(99, 224), b(174, 112)),
          asn(577, "Bell Canada", Kind.RESIDENTIAL, "CA", b(70, 48), b(142, 112)),
          asn(1221, "Telstra Limited", Kind.RESIDENTIAL, "AU", b(1, 128), b(58, 160)),
          asn(9506, "Singtel Fibre Broadband", Kind.RESIDENTIAL, "SG", b(116, 86), b(118, 189)),
          asn(4788, "TM TECHNOLOGY SERVICES SDN BHD", Kind.RESIDENTIAL, "MY", b(175, 136), b(60, 48)),
          asn(7713, "PT Telekomunikasi Indonesia", Kind.RESIDENTIAL, "ID", b(36, 68), b(180, 244)),
          asn(9299, "Philippine Long Distance Telephone Company", Kind.RESIDENTIAL, "PH", b(112, 198), b(49, 145)),
          asn(45899, "VNPT Corp", Kind.RESIDENTIAL, "VN", b(113, 160), b(14, 160)),
          asn(9121, "Turk Telekom", Kind.RESIDENTIAL, "TR", b(85, 96), b(88, 224)),
          asn(8151, "UNINET", Kind.RESIDENTIAL, "MX", b(187, 188), b(189, 128)),
          asn(37457, "Telkom SA Ltd.", Kind.RESIDENTIAL, "ZA", b(105, 224), b(41, 144)),
          asn(16509, "Amazon.com, Inc.", Kind.CLOUD, "US", b(3, 80), b(18, 204), b(52, 14), b(54, 160)),
          asn(14618, "Amazon.com, Inc.", Kind.CLOUD, "US", b(44, 192), b(3, 210)),
          asn(396982, "Google LLC", Kind.CLOUD, "US", b(34, 102), b(35, 188), b(34, 141)),
          asn(8075, "Microsoft Corporation", Kind.CLOUD, "US", b(20, 42), b(40, 76), b(52, 160)),
          asn(14061, "DigitalOcean, LLC", Kind.HOSTING, "US", b(134, 209), b(159, 89), b(167, 99)),
          asn(16276, "OVH SAS", Kind.HOSTING, "FR", b(51, 68), b(145, 239), b(54, 36)),
          asn(24940, "Hetzner Online GmbH", Kind.HOSTING, "DE", b(88, 99), b(116, 202), b(135, 181)),
          asn(20473, "The Constant Company, LLC", Kind.HOSTING, "US", b(45, 32), b(45, 76), b(149, 28)),
          asn(63949, "Akamai Connected Cloud", Kind.HOSTING, "US", b(45, 33), b(172, 104), b(139, 162)),
          asn(45102, "Alibaba (US) Technology Co., Ltd.", Kind.HOSTING, "SG", b(47, 74), b(47, 88), b(8, 209)),
          asn(132203, "Tencent Building, Kejizhongyi Avenue", Kind.HOSTING, "SG", b(43, 128), b(43, 153)),
          asn(136907, "HUAWEI CLOUDS", Kind.HOSTING, "SG", b(110, 238), b(159, 138)),
          asn(51167, "Contabo GmbH", Kind.HOSTING, "DE", b(62, 171), b(161, 97)),
          asn(9009, "M247 Europe SRL", Kind.HOSTING, "RO", b(185, 156), b(89, 38)),
          asn(36352, "HostPapa", Kind.HOSTING, "US", b(23, 94), b(107, 172)),
          asn(13335, "Cloudflare, Inc.", Kind.CLOUD, "US", b(104, 28), b(172, 68)),
          asn(3356, "Level 3 Parent, LLC", Kind.BUSINESS, "US", b(4, 14), b(8, 12)),
          asn(174, "Cogent Communications", Kind.BUSINESS, "US", b(38, 104), b(154, 6)),
          asn(6939, "Hurricane Electric LLC", Kind.BUSINESS, "US", b(64, 62), b(216, 218)),
          asn(1299, "Arelion Sweden AB", Kind.BUSINESS, "SE", b(62, 115), b(80, 239)),
          asn(2914, "NTT America, Inc.", Kind.BUSINESS, "US", b(129, 250), b(128, 241)),
          asn(3, "Massachusetts Institute of Technology", Kind.EDU, "US", b(18, 9), b(18, 29)),
          asn(25, "University of California at Berkeley", Kind.EDU, "US", b(128, 32), b(136, 152)),
          asn(786, "Jisc Services Limited", Kind.EDU, "GB", b(131, 111), b(128, 243)),
          asn(680, "Verein zur Foerderung eines Deutschen Forschungsnetzes e.V.", Kind.EDU, "DE", b(141, 20),
              b(134, 96)),
          asn(7575, "Australian Academic and Research Network", Kind.EDU, "AU", b(130, 102), b(129, 94)),
          asn(2907, "Research Organization of Information and Systems, National Institute of Informatics",
              Kind.EDU, "JP", b(133, 11), b(130, 54)));

  private static final Map<String, List<Asn>> BY_KIND_COUNTRY = new TreeMap<>();

  static {
    for (Asn a : ASNS) {
      BY_KIND_COUNTRY.computeIfAbsent(a.kind() + "/" + a.country(), k -> new ArrayList<>()).add(a);
      BY_KIND_COUNTRY.computeIfAbsent(a.kind() + "/*", k -> new ArrayList<>()).add(a);
    }
  }

  /** All ASes of a kind in a country, falling back to all of that kind. */
  static List<Asn> of(Kind kind, String country) {
    List<Asn> l = BY_KIND_COUNTRY.get(kind + "/" + country);
    return l != null ? l : BY_KIND_COUNTRY.get(kind + "/*");
  }

  static List<Asn> of(Kind kind) {
    return BY_KIND_COUNTRY.get(kind + "/*");
  }

  static Asn byNumber(long n) {
    for (Asn a : ASNS) {
      if (a.number() == n) {
        return a;
      }
    }
    throw new IllegalArgumentException("no AS " + n);
  }

  /** A residential (or, one time in eight, mobile) AS for a person in {@code country}. */
  static Asn home(String country, SplittableRandom r) {
    List<Asn> l = of(r.nextInt(8) == 0 ? Kind.MOBILE : Kind.RESIDENTIAL, country);
    return l.get(r.nextInt(l.size()));
  }

  // Countries of the benign population, with rough weights, and their UTC offsets (standard time, whole hours).
  static final String[] COUNTRIES = {
    "US", "US", "US", "US", "US", "US", "GB", "GB", "DE", "DE", "FR", "FR", "IN", "IN", "IN", "CA", "CA", "JP", "JP",
    "BR", "BR", "AU", "KR", "NL", "ES", "IT", "PL", "SG", "MX", "ID", "PH", "VN", "TR", "ZA", "MY"
  };

  static int utcOffset(String country) {
    return switch (country) {
      case "US" -> -6;
      case "CA", "MX" -> -6;
      case "BR" -> -3;
      case "GB" -> 0;
      case "DE", "FR", "NL", "ES", "IT", "PL", "ZA", "SE" -> 1;
      case "TR" -> 3;
      case "IN" -> 5;
      case "ID", "VN" -> 7;
      case "SG", "MY", "PH" -> 8;
      case "JP", "KR" -> 9;
      case "AU" -> 10;
      default -> 0;
    };
  }

  static String[] emailDomains(String country) {
    return switch (country) {
      case "DE" -> new String[] {"gmail.com", "web.de", "gmx.de", "outlook.com", "t-online.de"};
      case "FR" -> new String[] {"gmail.com", "orange.fr", "free.fr", "outlook.fr", "laposte.net"};
      case "GB" -> new String[] {"gmail.com", "outlook.com", "btinternet.com", "hotmail.co.uk", "icloud.com"};
      case "JP" -> new String[] {"gmail.com", "yahoo.co.jp", "icloud.com", "docomo.ne.jp"};
      case "BR" -> new String[] {"gmail.com", "hotmail.com", "outlook.com", "uol.com.br"};
      case "IN" -> new String[] {"gmail.com", "yahoo.co.in", "outlook.com", "rediffmail.com"};
      case "KR" -> new String[] {"gmail.com", "naver.com", "daum.net"};
      default -> new String[] {"gmail.com", "gmail.com", "outlook.com", "yahoo.com", "icloud.com", "proton.me",
          "hotmail.com"};
    };
  }

  // --- client software -------------------------------------------------------------------------------------------

  static final String TLS_PY = "t13d1812h1_85036bcba153_b26ce05bbdd6";
  static final String TLS_PY_OLD = "t13d1712h1_5b57614c22b0_f1c9c9ee6e19";
  static final String TLS_NODE = "t13d1711h2_5b57614c22b0_3d5424432f57";
  static final String TLS_GO = "t13d1311h2_f57a46bbacb6_e7c285222651";
  static final String TLS_CURL = "t13d3113h2_e8f1e7e78f70_ce5650b735ce";
  static final String TLS_JAVA = "t13d2914h2_3b5074b1b5d0_0d8fcbba2cbf";
  static final String TLS_CHROME = "t13d1516h2_8daaf6152771_02713d6af862";
  static final String TLS_FIREFOX = "t13d1715h2_5b57614c22b0_5c2c66f702b0";
  static final String TLS_SAFARI = "t13d2014h2_a09f3c656075_14788d8d241b";
  static final String TLS_EDGE_ROUTER = "t13d1516h2_8daaf6152771_e5627efa2ab1";

  static final List<Software> PYTHON_SDKS =
      List.of(
          new Software("Anthropic/Python 0.49.0", TLS_PY),
          new Software("Anthropic/Python 0.51.0", TLS_PY),
          new Software("Anthropic/Python 0.54.0", TLS_PY),
          new Software("Anthropic/Python 0.57.1", TLS_PY),
          new Software("OpenAI/Python 1.68.2", TLS_PY),
          new Software("OpenAI/Python 1.76.0", TLS_PY),
          new Software("OpenAI/Python 1.82.1", TLS_PY),
          new Software("OpenAI/Python 1.93.0", TLS_PY),
          new Software("Anthropic/Python 0.45.2", TLS_PY_OLD),
          new Software("OpenAI/Python 1.59.7", TLS_PY_OLD));

  static final List<Software> NODE_SDKS =
      List.of(
          new Software("Anthropic/JS 0.39.0", TLS_NODE),
          new Software("Anthropic/JS 0.50.4", TLS_NODE),
          new Software("Anthropic/JS 0.56.0", TLS_NODE),
          new Software("OpenAI/JS 4.87.3", TLS_NODE),
          new Software("OpenAI/JS 4.96.0", TLS_NODE),
          new Software("OpenAI/JS 5.8.2", TLS_NODE));

  static final List<Software> HTTP_LIBS =
      List.of(
          new Software("python-requests/2.32.3", TLS_PY),
          new Software("python-httpx/0.28.1", TLS_PY),
          new Software("Python/3.11 aiohttp/3.11.16", TLS_PY),
          new Software("Go-http-client/2.0", TLS_GO),
          new Software("curl/8.7.1", TLS_CURL),
          new Software("okhttp/4.12.0", TLS_JAVA),
          new Software("Java-http-client/21.0.6", TLS_JAVA),
          new Software("axios/1.8.4", TLS_NODE));

  static final List<Software> BROWSERS =
      List.of(
          new Software(
              "Mozilla/5.0 (Windows NT 10.0; Win64; x64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/134.0.0.0"
                  + " Safari/537.36",
              TLS_CHROME),
          new Software(
              "Mozilla/5.0 (Windows NT 10.0; Win64; x64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/135.0.0.0"
                  + " Safari/537.36",
              TLS_CHROME),
          new Software(
              "Mozilla/5.0 (Macintosh; Intel Mac OS X 10_15_7) AppleWebKit/537.36 (KHTML, like Gecko)"
                  + " Chrome/135.0.0.0 Safari/537.36",
              TLS_CHROME),
          new Software(
              "Mozilla/5.0 (Macintosh; Intel Mac OS X 10_15_7) AppleWebKit/605.1.15 (KHTML, like Gecko)"
                  + " Version/18.3 Safari/605.1.15",
              TLS_SAFARI),
          new Software(
              "Mozilla/5.0 (Windows NT 10.0; Win64; x64; rv:137.0) Gecko/20100101 Firefox/137.0", TLS_FIREFOX),
          new Software("Mozilla/5.0 (X11; Linux x86_64; rv:136.0) Gecko/20100101 Firefox/136.0", TLS_FIREFOX),
          new Software(
              "Mozilla/5.0 (Windows NT 10.0; Win64; x64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/134.0.0.0"
                  + " Safari/537.36 Edg/134.0.0.0",
              TLS_CHROME));

  static final List<Software> CLOUD_BEDROCK =
      List.of(
          new Software(
              "Boto3/1.37.38 md/Botocore#1.37.38 ua/2.1 os/linux#6.8.0-1024-aws md/arch#x86_64 lang/python#3.12.9"
                  + " md/pyimpl#CPython cfg/retry-mode#legacy Botocore/1.37.38",
              TLS_PY),
          new Software(
              "Boto3/1.38.12 md/Botocore#1.38.12 ua/2.1 os/linux#5.10.234-225.910.amzn2.x86_64 md/arch#x86_64"
                  + " lang/python#3.11.11 md/pyimpl#CPython cfg/retry-mode#standard Botocore/1.38.12",
              TLS_PY),
          new Software(
              "aws-sdk-js/3.787.0 ua/2.1 os/linux#6.1.128 lang/js md/nodejs#20.19.0 api/bedrock-runtime#3.787.0",
              TLS_NODE));

  static final List<Software> CLOUD_VERTEX =
      List.of(
          new Software("AnthropicVertex/Python 0.51.0", TLS_PY),
          new Software("google-cloud-aiplatform/1.88.0 grpc/1.71.0 gax/2.24.2 gapic/1.88.0", TLS_PY),
          new Software("google-genai-sdk/1.10.0 gl-python/3.12.9", TLS_PY));

  static final List<Software> AGENT_TOOLS =
      List.of(
          new Software("langchain-anthropic/0.3.12 Anthropic/Python 0.51.0", TLS_PY),
          new Software("llama-index/0.12.30 OpenAI/Python 1.76.0", TLS_PY),
          new Software("litellm/1.67.4", TLS_PY),
          new Software("crewai/0.114.0 litellm/1.67.4", TLS_PY),
          new Software("autogen-agentchat/0.5.3 OpenAI/Python 1.76.0", TLS_PY));

  /** Router egress: what the provider sees of a request relayed by {@code router:<name>}. */
  record Router(String name, Asn asn, String tls) {}

  static final List<Router> ROUTERS =
      List.of(
          new Router("openrouter", byNumber(13335), TLS_EDGE_ROUTER),
          new Router("litellm-proxy", byNumber(16509), TLS_PY),
          new Router("one-api", byNumber(45102), TLS_GO),
          new Router("new-api", byNumber(132203), TLS_GO));

  static Router router(String name) {
    for (Router r : ROUTERS) {
      if (r.name().equals(name)) {
        return r;
      }
    }
    throw new IllegalArgumentException("no router " + name);
  }

  static <T> T pick(List<T> l, SplittableRandom r) {
    return l.get(r.nextInt(l.size()));
  }

  private Network() {}
}
