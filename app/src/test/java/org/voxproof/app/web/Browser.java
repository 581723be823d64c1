package org.voxproof.app.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.fail;

import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.io.File;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.logging.Level;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.Keys;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.interactions.Actions;
import org.openqa.selenium.logging.LogEntry;
import org.openqa.selenium.logging.LogType;
import org.openqa.selenium.logging.LoggingPreferences;
import org.openqa.selenium.support.ui.WebDriverWait;
import org.voxproof.testkit.Tools;

/**
 * Headless Chromium for the page tests: a fresh profile, no network besides the loopback server, a
 * fake microphone that plays {@link #microphone()} (rewritten before each recording: Chromium reads
 * the file again for every capture stream), downloads into {@link #downloads()}, keyboard helpers,
 * axe-core, and the console log (CSP violations and uncaught errors fail the tests).
 */
final class Browser implements AutoCloseable {
  static final Path CHROMIUM =
      Path.of(System.getenv().getOrDefault("VOXPROOF_CHROMIUM", "/usr/bin/chromium"));
  static final Path CHROMEDRIVER =
      Path.of(System.getenv().getOrDefault("VOXPROOF_CHROMEDRIVER", "/usr/bin/chromedriver"));
  static final Path AXE =
      Path.of(
          System.getenv()
              .getOrDefault(
                  "VOXPROOF_AXE_JS", "/tmp/voxproof-web-tests/node_modules/axe-core/axe.min.js"));

  final ChromeDriver driver;
  private final Path dir;

  private Browser(ChromeDriver driver, Path dir) {
    this.driver = driver;
    this.dir = dir;
  }

  /** Skips (locally) or fails (CI) when Chromium, chromedriver or axe-core is missing. */
  static void require() {
    Tools.requireFile(CHROMIUM, "chromium (Debian package chromium)");
    Tools.requireFile(CHROMEDRIVER, "chromedriver (Debian package chromium-driver)");
    Tools.requireFile(AXE, "axe-core (scripts/setup-web-tests.sh)");
  }

  static Browser start(Path dir) throws IOException {
    Path profile = Files.createDirectories(dir.resolve("profile"));
    Path downloads = Files.createDirectories(dir.resolve("downloads"));
    Path mic = dir.resolve("mic.wav");
    silence(mic);
    ChromeOptions o = new ChromeOptions();
    o.setBinary(CHROMIUM.toFile());
    o.addArguments(
        "--headless",
        "--no-sandbox",
        "--disable-gpu",
        "--disable-quic",
        "--no-first-run",
        "--disable-background-networking",
        "--disable-component-update",
        "--disable-sync",
        "--disable-dev-shm-usage",
        "--window-size=1280,1000",
        "--user-data-dir=" + profile,
        "--use-fake-ui-for-media-stream",
        "--use-fake-device-for-media-stream",
        "--use-file-for-fake-audio-capture=" + mic + "%noloop");
    LoggingPreferences logs = new LoggingPreferences();
    logs.enable(LogType.BROWSER, Level.ALL);
    o.setCapability("goog:loggingPrefs", logs);
    ChromeDriverService service =
        new ChromeDriverService.Builder()
            .usingDriverExecutable(CHROMEDRIVER.toFile())
            .usingAnyFreePort()
            .withLogFile(dir.resolve("chromedriver.log").toFile())
            .build();
    ChromeDriver d = new ChromeDriver(service, o);
    d.manage().timeouts().scriptTimeout(Duration.ofSeconds(120));
    d.executeCdpCommand(
        "Browser.setDownloadBehavior",
        Map.of("behavior", "allow", "downloadPath", downloads.toString()));
    return new Browser(d, dir);
  }

  Path microphone() {
    return dir.resolve("mic.wav");
  }

  Path downloads() {
    return dir.resolve("downloads");
  }

  /** The next recording plays {@code wav} (replaced atomically). */
  void speak(byte[] wav) throws IOException {
    Path tmp = dir.resolve("mic.tmp");
    Files.write(tmp, wav);
    Files.move(
        tmp, microphone(), StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
  }

  private static void silence(Path mic) throws IOException {
    Files.write(
        mic, org.voxproof.audio.WavWriter.pcm16().toBytes(new float[][] {new float[8000]}, 16000));
  }

  void open(String url) {
    driver.get(url);
    waitFor(() -> "complete".equals(js("return document.readyState")), 10, "page load");
  }

  Object js(String script, Object... args) {
    return ((JavascriptExecutor) driver).executeScript(script, args);
  }

  Object jsAsync(String script, Object... args) {
    return ((JavascriptExecutor) driver).executeAsyncScript(script, args);
  }

  WebElement byId(String id) {
    return driver.findElement(By.id(id));
  }

  String text(String id) {
    return byId(id).getText();
  }

  String activeId() {
    return (String) js("return document.activeElement ? document.activeElement.id : null");
  }

  /**
   * Marks every visible control (links, buttons, fields, summaries) that is not disabled, presses
   * Tab twice as many times as there are, and returns the controls the focus never reached
   * (outerHTML, cut); an empty list means the whole page works from the keyboard.
   */
  List<String> controlsTabNeverReaches() {
    Long n =
        (Long)
            js(
                "let k = 0; document.querySelectorAll('a[href], button, input, select, textarea, summary')"
                    + ".forEach(e => { if (!e.disabled && e.getClientRects().length > 0"
                    + " && getComputedStyle(e).visibility !== 'hidden') e.dataset.tabk = String(k++); });"
                    + "window.__reached = new Set();"
                    + "document.addEventListener('focusin', ev => { if (ev.target.dataset && ev.target.dataset.tabk)"
                    + " window.__reached.add(ev.target.dataset.tabk); });"
                    + "document.activeElement && document.activeElement.blur(); return k;");
    for (int i = 0; i < 2 * n + 4; i++) {
      new Actions(driver).sendKeys(Keys.TAB).perform();
    }
    @SuppressWarnings("unchecked")
    List<String> missed =
        (List<String>)
            js(
                "return [...document.querySelectorAll('[data-tabk]')]"
                    + ".filter(e => !window.__reached.has(e.dataset.tabk))"
                    + ".map(e => e.outerHTML.slice(0, 120));");
    assertThat(n).as("controls on the page").isPositive();
    return missed;
  }

  /** Presses Tab until the element with {@code id} has the focus (at most 80 presses). */
  void tabTo(String id) {
    for (int i = 0; i < 80; i++) {
      if (id.equals(activeId())) {
        return;
      }
      new Actions(driver).sendKeys(Keys.TAB).perform();
    }
    fail(
        "Tab never reached #"
            + id
            + "; focus is on "
            + js("return document.activeElement.outerHTML"));
  }

  /** Presses Tab until an element matching {@code css} has the focus; returns it. */
  WebElement tabToCss(String css) {
    for (int i = 0; i < 80; i++) {
      Boolean hit = (Boolean) js("return document.activeElement.matches(arguments[0])", css);
      if (hit) {
        return driver.switchTo().activeElement();
      }
      new Actions(driver).sendKeys(Keys.TAB).perform();
    }
    return fail("Tab never reached " + css);
  }

  void press(CharSequence keys) {
    new Actions(driver).sendKeys(keys).perform();
  }

  /** Enter on the focused element, which must be {@code id}. */
  void enterOn(String id) {
    assertThat(activeId()).as("focus before Enter").isEqualTo(id);
    press(Keys.ENTER);
  }

  /** Types into the focused element. */
  void type(String text) {
    press(text);
  }

  void waitFor(java.util.function.BooleanSupplier ok, int seconds, String what) {
    new WebDriverWait(driver, Duration.ofSeconds(seconds))
        .withMessage(what)
        .pollingEvery(Duration.ofMillis(100))
        .until(d -> ok.getAsBoolean());
  }

  boolean visible(String id) {
    return !driver.findElements(By.id(id)).isEmpty() && byId(id).isDisplayed();
  }

  /** Runs axe-core on the page; returns the serious and critical violations (id, nodes). */
  List<String> seriousViolations() throws IOException {
    if (!Boolean.TRUE.equals(js("return typeof window.axe === 'object'"))) {
      js(Files.readString(AXE));
    }
    String json =
        (String)
            jsAsync(
                "const done = arguments[arguments.length - 1];"
                    + "axe.run(document, {resultTypes: ['violations']})"
                    + ".then(r => done(JSON.stringify(r.violations)), e => done('E' + e));");
    assertThat(json).doesNotStartWith("E");
    return new JsonArray(json)
        .stream()
            .map(JsonObject.class::cast)
            .filter(v -> List.of("serious", "critical").contains(v.getString("impact")))
            .map(
                v ->
                    v.getString("id")
                        + " ("
                        + v.getString("impact")
                        + "): "
                        + v.getJsonArray("nodes").stream()
                            .map(n -> ((JsonObject) n).getJsonArray("target").encode())
                            .toList())
            .toList();
  }

  /** Saves a full-page screenshot to target/web-pages/NAME.png (to look at after a run). */
  void screenshot(String name) throws IOException {
    Path out = Files.createDirectories(Path.of("target", "web-pages")).resolve(name + ".png");
    Map<String, Object> shot =
        driver.executeCdpCommand(
            "Page.captureScreenshot", Map.of("format", "png", "captureBeyondViewport", true));
    Files.write(out, java.util.Base64.getDecoder().decode((String) shot.get("data")));
  }

  /** Console entries that show a broken page: CSP violations and uncaught errors. */
  List<String> pageErrors() {
    return driver.manage().logs().get(LogType.BROWSER).getAll().stream()
        .map(LogEntry::getMessage)
        .filter(
            m ->
                m.contains("Content Security Policy")
                    || m.contains("Uncaught")
                    || m.contains("SyntaxError")
                    || m.contains("TypeError")
                    || m.contains("ReferenceError"))
        .toList();
  }

  /** The file that appears in the downloads folder under {@code name} (waits for it). */
  Path downloaded(String name) {
    Path p = downloads().resolve(name);
    waitFor(() -> Files.isRegularFile(p), 20, "download of " + name);
    return p;
  }

  /** Records the bodies of the page's later API calls (status + text) in window.__api. */
  void recordApiCalls() {
    js(
        "window.__api = [];"
            + "const real = window.fetch;"
            + "window.fetch = async (...a) => { const r = await real(...a);"
            + "  r.clone().text().then(t => window.__api.push({url: String(a[0]), status: r.status, body: t}));"
            + "  return r; };");
  }

  @SuppressWarnings("unchecked")
  List<Map<String, Object>> apiCalls() {
    return (List<Map<String, Object>>) js("return window.__api || []");
  }

  static File file(Path p) {
    return p.toFile();
  }

  @Override
  public void close() {
    driver.quit();
  }
}
