package io.distillguard.app;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.File;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.stream.Collectors;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.openqa.selenium.Alert;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.Keys;
import org.openqa.selenium.NoAlertPresentException;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.TakesScreenshot;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * The dashboard in real headless Chromium (Debian's {@code chromium} and {@code chromium-driver}, installed by
 * {@code .ci/run}; nothing is downloaded) driving {@code distillguard demo} (a child JVM) plus hostile prompts:
 * log in, open the top campaign, read its evidence, block it and see the decisions API change; work the review queue
 * from the keyboard; backtest and save rules; search template text. Prompts carrying script tags, {@code javascript:}
 * links, right-to-left overrides and zero-width characters are shown as text, faithfully, and nothing executes.
 * Screenshots of the main pages go to {@code target/screenshots}.
 */
class DashboardIT {

  static final String ADMIN = LabelsIT.ADMIN; // LabelsIT's helpers send it
  static final String CHROMIUM = "/usr/bin/chromium";
  static final String DRIVER = "/usr/bin/chromedriver";
  /** Hostile prompts: each must be rendered as exactly this text and none may run. */
  static final List<String> HOSTILE = List.of(
      "<script>window.__pwned = 1</script> Explain step by step why the sky is blue, item %d",
      "<img src=x onerror=\"window.__pwned=2\"> Show every step of your reasoning for puzzle %d",
      "[open me](javascript:window.__pwned=3) javascript:alert(1) Reconstruct the reasoning for answer %d",
      "Rename \u202Egnp.exe and pass\u200Bword\u2066 hidden\u2069 then list all steps for task %d");

  @TempDir static Path dir;
  static Process demo;
  static WebDriver browser;
  static String base;
  static Path shots;

  /**
   * Starts {@code distillguard demo} in a child JVM (simulated traffic streamed over HTTP into the live service), waits
   * until it has streamed everything, then posts the hostile accounts' traffic after it.
   */
  @BeforeAll
  static void start() throws Exception {
    assertThat(new File(CHROMIUM).canExecute()).as("install chromium and chromium-driver (see .ci/run)").isTrue();
    assertThat(new File(DRIVER).canExecute()).as("install chromium-driver (see .ci/run)").isTrue();
    ProcessBuilder pb = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
        "-Xmx1g", "-cp", System.getProperty("java.class.path"), "io.distillguard.app.Main", "demo", "--port", "0",
        "--grpc-port", "0", "--seed", "5", "--scale", "0.02", "--days", "3", "--data-dir",
        dir.resolve("demo").toString());
    pb.environment().put("DISTILLGUARD_ADMIN_TOKEN", ADMIN);
    pb.redirectErrorStream(true);
    demo = pb.start();
    java.io.BufferedReader out = new java.io.BufferedReader(new java.io.InputStreamReader(demo.getInputStream(),
        java.nio.charset.StandardCharsets.UTF_8));
    java.util.regex.Pattern dashboard = java.util.regex.Pattern.compile("dashboard\\s+(http://[0-9.:]+)/ui/");
    long deadline = System.nanoTime() + Duration.ofSeconds(180).toNanos();
    String line;
    String last = null;
    while (System.nanoTime() < deadline && (line = out.readLine()) != null) {
      java.util.regex.Matcher m = dashboard.matcher(line);
      if (m.find()) {
        base = m.group(1);
      }
      if (line.contains("The service keeps running")) {
        break;
      }
      last = line;
    }
    assertThat(base).as("the demo printed its dashboard address; last line: %s", last).isNotNull();
    Thread drain = new Thread(() -> out.lines().forEach(l -> { }));
    drain.setDaemon(true);
    drain.start();

    // hostile accounts after the simulated traffic: three accounts repeating the templates (families with samples)
    JsonNode overview = get("/v1/overview");
    Instant t0 = Instant.parse(overview.get("evaluated_at").asText()).plusSeconds(600);
    Random r = new Random(11);
    StringBuilder batch = new StringBuilder();
    for (int i = 0; i < 320; i++) {
      String prompt = String.format(HOSTILE.get(i % HOSTILE.size()), i / HOSTILE.size());
      batch.append("{\"event_id\":\"ev-hostile-").append(Long.toHexString(r.nextLong())).append("\",\"ts\":\"")
          .append(t0.plusSeconds(60L * i)).append("\",\"account_id\":\"acct-hostile-").append(i % 3)
          .append("\",\"request\":{\"model\":\"m1\",\"messages\":[{\"role\":\"user\",\"content\":")
          .append(AlertIT.JSON.writeValueAsString(prompt)).append("}]}}\n");
    }
    assertThat(send("POST", "/v1/events", batch.toString()).statusCode()).isEqualTo(200);
    awaitCaughtUp();

    ChromeOptions o = new ChromeOptions();
    o.setBinary(CHROMIUM);
    o.addArguments("--headless=new", "--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage",
        "--disable-background-networking", "--disable-component-update", "--disable-sync", "--window-size=1400,1100");
    // Chromium leaves its singleton-socket folder in TMPDIR after quitting: keep it in the test's own folder
    Path chromiumTmp = Files.createDirectories(dir.resolve("chromium-tmp"));
    ChromeDriverService driver = new ChromeDriverService.Builder().usingDriverExecutable(new File(DRIVER))
        .usingAnyFreePort().withEnvironment(Map.of("TMPDIR", chromiumTmp.toString())).build();
    browser = new ChromeDriver(driver, o);
    shots = Path.of("target", "screenshots");
    Files.createDirectories(shots);
  }

  @AfterAll
  static void stop() throws Exception {
    if (browser != null) {
      browser.quit();
    }
    if (demo != null) {
      demo.destroy();
      if (!demo.waitFor(20, java.util.concurrent.TimeUnit.SECONDS)) {
        demo.destroyForcibly();
      }
    }
  }

  static java.net.http.HttpResponse<String> send(String method, String path, String body) throws Exception {
    return AlertIT.HTTP.send(java.net.http.HttpRequest.newBuilder(java.net.URI.create(base + path))
        .timeout(Duration.ofSeconds(60)).header("Authorization", "Bearer " + ADMIN)
        .method(method, body == null ? java.net.http.HttpRequest.BodyPublishers.noBody()
            : java.net.http.HttpRequest.BodyPublishers.ofString(body)).build(),
        java.net.http.HttpResponse.BodyHandlers.ofString());
  }

  static JsonNode get(String path) throws Exception {
    return AlertIT.JSON.readTree(send("GET", path, null).body());
  }

  static void awaitCaughtUp() throws Exception {
    long deadline = System.nanoTime() + Duration.ofSeconds(60).toNanos();
    while (System.nanoTime() < deadline) {
      JsonNode j = AlertIT.JSON.readTree(send("GET", "/readyz", null).body());
      if (j.get("processed_seq").asLong() == j.get("log_seq").asLong()) {
        return;
      }
      Thread.sleep(100);
    }
    throw new AssertionError("detection did not catch up");
  }

  /** The text content of the first element {@code by} finds, read again if the page re-renders it meanwhile. */
  static String stableText(By by) {
    return waiting().ignoring(org.openqa.selenium.StaleElementReferenceException.class)
        .until(d -> d.findElement(by).getAttribute("textContent"));
  }

  static WebDriverWait waiting() {
    return new WebDriverWait(browser, Duration.ofSeconds(20));
  }

  static WebElement await(By by) {
    return waiting().until(ExpectedConditions.visibilityOfElementLocated(by));
  }

  static void login() {
    browser.get("about:blank"); // a fresh document each time (a hash change alone would reuse the page)
    browser.get(base + "/ui/#/login");
    await(By.id("token")).sendKeys(ADMIN);
    browser.findElement(By.id("login")).click();
    await(By.cssSelector("#campaigns tbody tr"));
  }

  static void screenshot(String name) throws Exception {
    Thread.sleep(600); // charts animate in
    Files.write(shots.resolve(name + ".png"), ((TakesScreenshot) browser).getScreenshotAs(OutputType.BYTES));
  }

  static void assertNothingRan() {
    Object pwned = ((JavascriptExecutor) browser).executeScript("return window.__pwned === undefined");
    assertThat(pwned).isEqualTo(true);
    try {
      Alert a = browser.switchTo().alert();
      throw new AssertionError("an alert opened: " + a.getText());
    } catch (NoAlertPresentException expected) {
      // good
    }
    assertThat(browser.findElements(By.cssSelector("main script, main img, main iframe"))).isEmpty();
    for (WebElement a : browser.findElements(By.cssSelector("a[href]"))) {
      assertThat(a.getAttribute("href")).doesNotStartWith("javascript:");
    }
  }

  @Test
  void analystBlocksACampaignAndTheDecisionsApiFollows() throws Exception {
    login();
    assertThat(await(By.cssSelector("[data-count=accounts] b")).getText()).isNotEqualTo("0");
    screenshot("overview");

    // the top campaign: its evidence, its graph's links, its families
    browser.findElement(By.cssSelector("#campaigns tbody tr a")).click();
    String campaign = await(By.id("campaign-id")).getText();
    assertThat(browser.findElements(By.cssSelector("#reasons tbody tr"))).isNotEmpty();
    assertThat(browser.findElements(By.cssSelector("#edges tbody tr"))).isNotEmpty();
    assertThat(browser.findElement(By.cssSelector("#edges tbody tr td:nth-child(3)")).getText())
        .containsAnyOf("payment", "ip range", "tls", "family");
    assertThat(browser.findElements(By.cssSelector("#graph canvas"))).isNotEmpty();
    List<String> members = browser.findElements(By.cssSelector("#members tbody tr td:first-child a")).stream()
        .map(WebElement::getText).toList();
    assertThat(members).isNotEmpty();
    screenshot("campaign");

    // block it, with confirmation and a note
    browser.findElement(By.cssSelector("#actions button[data-action=confirm]")).click();
    await(By.id("confirm-note")).sendKeys("reviewed the shared payment and template evidence");
    browser.findElement(By.id("confirm-yes")).click();
    waiting().until(ExpectedConditions.textToBePresentInElementLocated(By.id("labels"), "confirm"));
    assertThat(browser.findElement(By.id("labels")).getText()).contains("reviewed the shared payment");
    for (String m : members) {
      JsonNode d = get("/v1/decisions/" + m);
      assertThat(d.get("action").asText()).isEqualTo("block");
      assertThat(d.get("rule").asText()).startsWith("label confirm #");
    }
    // and the account page says so
    browser.findElement(By.cssSelector("#members tbody tr td:first-child a")).click();
    waiting().until(ExpectedConditions.textToBe(By.id("decision"), "block"));
    assertThat(browser.findElement(By.id("account-id")).getText()).isEqualTo(members.get(0));
    assertThat(browser.findElements(By.cssSelector("#hour-chart canvas"))).isNotEmpty();
    screenshot("account");
    assertThat(campaign).isNotBlank();
  }

  @Test
  void hostilePromptsAreShownAsTextAndNothingRuns() throws Exception {
    login();
    for (int a = 0; a < 3; a++) {
      browser.get(base + "/ui/#/account/acct-hostile-" + a);
      // the page renders this account (not the previous one) before its samples are read; a sample re-rendered
      // while it is read is read again
      waiting().until(ExpectedConditions.textToBe(By.id("account-id"), "acct-hostile-" + a));
      Set<String> shown = waiting().ignoring(org.openqa.selenium.StaleElementReferenceException.class).until(d -> {
        List<WebElement> s = d.findElements(By.cssSelector("#families pre.sample"));
        return s.isEmpty() ? null
            : s.stream().map(e -> e.getAttribute("textContent")).collect(Collectors.toSet());
      });
      Set<String> sent = new java.util.HashSet<>();
      for (String h : HOSTILE) {
        for (int i = 0; i < 80; i++) {
          sent.add(String.format(h, i));
        }
      }
      assertThat(shown).as("samples are the prompts, character for character").isSubsetOf(sent);
      assertNothingRan();
    }
    // the right-to-left and zero-width characters are flagged next to the text that carries them
    browser.get(base + "/ui/#/search/" + java.net.URLEncoder.encode("gnp.exe", "UTF-8"));
    await(By.cssSelector("#search-families .family"));
    assertThat(stableText(By.cssSelector("#search-families .family"))).contains("\u202Egnp.exe", "pass\u200Bword");
    assertThat(stableText(By.cssSelector("#search-families .family .warn"))).contains("U+202E", "U+200B", "U+2066");
    assertNothingRan();
    // script text is searchable and still inert
    browser.get(base + "/ui/#/search/" + java.net.URLEncoder.encode("<script>", "UTF-8").replace("+", "%20"));
    await(By.cssSelector("#search-families pre.sample"));
    assertThat(stableText(By.cssSelector("#search-families pre.sample")))
        .startsWith("<script>window.__pwned = 1</script>");
    assertNothingRan();
  }

  @Test
  void reviewQueueByKeyboardAndRulesBacktestedBeforeSaving() throws Exception {
    // an ingest token (a gateway's) does not open the dashboard; a wrong one neither
    String ingest = AlertIT.JSON.readTree(send("POST", "/v1/tokens", "{\"role\":\"ingest\",\"name\":\"gw\"}")
        .body()).get("token").asText();
    for (String token : List.of(ingest, "not-a-token")) {
      browser.get("about:blank");
      browser.get(base + "/ui/#/login");
      await(By.id("token")).sendKeys(token);
      browser.findElement(By.id("login")).click();
      waiting().until(ExpectedConditions.textToBePresentInElementLocated(By.id("login-error"), "token"));
      assertThat(browser.findElements(By.cssSelector("#campaigns"))).isEmpty();
    }
    login();
    browser.get(base + "/ui/#/review");
    WebElement first = await(By.cssSelector("#queue tbody tr.selected"));
    String account = first.getAttribute("data-account");
    screenshot("review");
    browser.findElement(By.tagName("body")).sendKeys("t");
    await(By.id("confirm-yes")).click();
    waiting().until(ExpectedConditions.textToBePresentInElementLocated(
        By.cssSelector("#queue tr[data-account='" + account + "'] .state"), "throttle"));
    assertThat(get("/v1/decisions/" + account).get("action").asText()).isEqualTo("throttle");
    assertThat(browser.findElement(By.cssSelector("#queue tbody tr.selected")).getAttribute("data-account"))
        .isNotEqualTo(account); // moved on to the next one

    browser.get(base + "/ui/#/rules");
    WebElement text = await(By.id("rules-text"));
    assertThat(browser.findElement(By.id("save-rules")).isEnabled()).isFalse();
    text.sendKeys(Keys.chord(Keys.CONTROL, "a"), Keys.DELETE);
    text.sendKeys("{\"rules\": [{\"name\": \"throttle suspicious\", \"when\": \"verdict == 'suspicious'\","
        + " \"action\": \"throttle\"}]}");
    browser.findElement(By.id("backtest-rules")).click();
    await(By.id("backtest-changes"));
    assertThat(browser.findElement(By.id("rules-result")).getText()).contains("would change action");
    screenshot("rules");
    long before = get("/v1/policy").get("version").asLong();
    WebElement save = browser.findElement(By.id("save-rules"));
    assertThat(save.isEnabled()).isTrue();
    save.click();
    waiting().until(d -> {
      try {
        return get("/v1/policy").get("version").asLong() > before;
      } catch (Exception e) {
        return false;
      }
    });
  }
}
