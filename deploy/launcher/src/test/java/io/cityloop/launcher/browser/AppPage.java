package io.cityloop.launcher.browser;

import static org.assertj.core.api.Assertions.assertThat;

import java.awt.Color;
import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Random;

import javax.imageio.ImageIO;

import org.openqa.selenium.By;
import org.openqa.selenium.Dimension;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * One person in front of one browser: signs in, finds things by their {@code data-test} names, takes photos from
 * files, goes offline and back, and saves what the screen shows under {@code target/screenshots}.
 */
final class AppPage implements AutoCloseable {

    static final Dimension PHONE = new Dimension(390, 844);
    static final Dimension DESK = new Dimension(1280, 900);
    private static final Path SCREENSHOTS = Path.of("target", "screenshots");
    private static final Duration WAIT = Duration.ofSeconds(30);

    private final ChromeDriver chrome;
    private final Path profile;
    private final String baseUrl;

    private AppPage(ChromeDriver chrome, Path profile, String baseUrl) {
        this.chrome = chrome;
        this.profile = profile;
        this.baseUrl = baseUrl;
    }

    /**
     * A browser whose page is exactly {@code window} wide: headless Chromium keeps windows at least 500 px wide, so
     * a phone's 390 px come from DevTools' device metrics, as its device toolbar would set them.
     */
    static AppPage open(Dimension window) {
        return open(window, BrowserCity.url());
    }

    /** Like {@link #open(Dimension)}, on the apps of another city than the shared {@link BrowserCity}. */
    static AppPage open(Dimension window, String baseUrl) {
        try {
            Path profile = Files.createTempDirectory("cityloop-chromium");
            ChromeDriver chrome = Chromium.open(window, profile);
            chrome.executeCdpCommand("Emulation.setDeviceMetricsOverride", Map.of("width", window.width,
                    "height", window.height, "deviceScaleFactor", 1, "mobile", window.width < 600));
            return new AppPage(chrome, profile, baseUrl);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    ChromeDriver chrome() {
        return chrome;
    }

    /** The phone's GPS fix, as the browser's geolocation answers it (DevTools' emulation). */
    AppPage at(double lon, double lat, double accuracyMetres) {
        chrome.executeCdpCommand("Browser.grantPermissions", Map.of("origin", baseUrl,
                "permissions", List.of("geolocation")));
        chrome.executeCdpCommand("Emulation.setGeolocationOverride", Map.of("latitude", lat, "longitude", lon,
                "accuracy", accuracyMetres));
        return this;
    }

    AppPage signIn(String username) {
        chrome.get(baseUrl + "/");
        WebElement name = await("[data-test=login-form] input[name=username]");
        name.clear();
        name.sendKeys(username);
        chrome.findElement(By.cssSelector("input[name=password]")).sendKeys("cityloop");
        click("login-submit");
        await("[data-test=who]");
        return this;
    }

    void go(String hash) {
        chrome.get(baseUrl + "/" + hash);
    }

    WebElement await(String css) {
        return new WebDriverWait(chrome, WAIT).until(ExpectedConditions.visibilityOfElementLocated(By.cssSelector(css)));
    }

    WebElement awaitTest(String name) {
        return await("[data-test=" + name + "]");
    }

    void awaitGone(String css) {
        new WebDriverWait(chrome, WAIT).until(ExpectedConditions.invisibilityOfElementLocated(By.cssSelector(css)));
    }

    /** Waits until the message bar says something containing the text, and answers the whole message. */
    String awaitMessage(String containing, Duration timeout) {
        return new WebDriverWait(chrome, timeout).until(d -> {
            List<WebElement> bars = d.findElements(By.cssSelector("[data-test=message]"));
            return bars.isEmpty() || !bars.get(0).getText().contains(containing) ? null : bars.get(0).getText();
        });
    }

    void click(String testName) {
        WebElement target = new WebDriverWait(chrome, WAIT).until(ExpectedConditions.elementToBeClickable(
                By.cssSelector("[data-test=" + testName + "]")));
        scrollTo(target);
        target.click();
    }

    void clickCss(String css) {
        WebElement target = new WebDriverWait(chrome, WAIT).until(ExpectedConditions.elementToBeClickable(By.cssSelector(css)));
        scrollTo(target);
        target.click();
    }

    void type(String testName, String text) {
        WebElement field = awaitTest(testName);
        scrollTo(field);
        field.clear();
        field.sendKeys(text);
    }

    /** Chooses photo files in a photo picker, as the phone's camera or gallery would hand them over. */
    void attachPhotos(String testName, Path... photos) {
        WebElement input = chrome.findElement(By.cssSelector("[data-test=" + testName + "] input[type=file]"));
        input.sendKeys(String.join("\n", java.util.Arrays.stream(photos).map(Path::toString).toList()));
    }

    List<WebElement> all(String css) {
        return chrome.findElements(By.cssSelector(css));
    }

    Object script(String script, Object... args) {
        return ((JavascriptExecutor) chrome).executeScript(script, args);
    }

    void scrollTo(WebElement element) {
        script("arguments[0].scrollIntoView({block: 'center'})", element);
    }

    /** DevTools' network emulation: offline makes every request fail as on a phone without signal. */
    void offline(boolean offline) {
        chrome.executeCdpCommand("Network.enable", Map.of());
        chrome.executeCdpCommand("Network.emulateNetworkConditions", Map.of("offline", offline, "latency", 0,
                "downloadThroughput", -1, "uploadThroughput", -1));
    }

    /** Nothing on the page is wider than the window: a phone must never need to scroll sideways. */
    void assertNoHorizontalScrolling() {
        Number scroll = (Number) script("return document.documentElement.scrollWidth");
        Number width = (Number) script("return document.documentElement.clientWidth");
        assertThat(scroll.intValue()).as("page width on a %s px window", width).isLessThanOrEqualTo(width.intValue());
    }

    /**
     * The fonts Chromium really drew a label with (DevTools' CSS.getPlatformFontsForNode, over the node's own text):
     * every Chinese character of it was drawn by the apps' web font — the bundled subset, or a system CJK font it
     * names through local() — and none by a fallback that draws empty boxes. Latin letters and digits may come from
     * any font.
     */
    void assertChineseRendered(String css) {
        WebElement element = await(css);
        script("return document.fonts.ready.then(() => true)");
        Number chinese = (Number) script("return Array.from(arguments[0].childNodes).filter(n => n.nodeType === 3)"
                + ".map(n => n.textContent).join('').match(/[\\u2E80-\\u2FFF\\u3000-\\u303F\\u3400-\\u4DBF"
                + "\\u4E00-\\u9FFF\\uF900-\\uFAFF\\uFE30-\\uFE4F\\uFF00-\\uFFEF]/g)?.length ?? 0", element);
        assertThat(chinese.intValue()).as("Chinese characters in %s", css).isPositive();
        chrome.executeCdpCommand("DOM.enable", Map.of());
        chrome.executeCdpCommand("CSS.enable", Map.of());
        @SuppressWarnings("unchecked")
        Map<String, Object> document = (Map<String, Object>) chrome.executeCdpCommand("DOM.getDocument", Map.of("depth", 0));
        @SuppressWarnings("unchecked")
        Number root = (Number) ((Map<String, Object>) document.get("root")).get("nodeId");
        Number node = (Number) chrome.executeCdpCommand("DOM.querySelector", Map.of("nodeId", root, "selector", css))
                .get("nodeId");
        @SuppressWarnings("unchecked")
        List<Map<String, Object>> fonts = (List<Map<String, Object>>) chrome.executeCdpCommand(
                "CSS.getPlatformFontsForNode", Map.of("nodeId", node)).get("fonts");
        long drawnByTheApp = fonts.stream().filter(font -> Boolean.TRUE.equals(font.get("isCustomFont")))
                .mapToLong(font -> ((Number) font.get("glyphCount")).longValue()).sum();
        // At least every Chinese character; Chromium may draw a neighbouring symbol in the same run with it too.
        assertThat(drawnByTheApp).as("glyphs of %s drawn by the apps' font (all fonts: %s)", css, fonts)
                .isGreaterThanOrEqualTo(chinese.longValue());
    }

    /** The whole page, however long, as the window's width shows it (DevTools' Page.captureScreenshot). */
    Path screenshot(String name) {
        try {
            Files.createDirectories(SCREENSHOTS);
            Path file = SCREENSHOTS.resolve(name + ".png");
            // From the top, so that sticky bars sit where a person sees them.
            script("window.scrollTo(0, 0)");
            Number width = (Number) script("return document.documentElement.clientWidth");
            Number height = (Number) script("return Math.max(document.documentElement.scrollHeight, window.innerHeight)");
            Map<String, Object> shot = chrome.executeCdpCommand("Page.captureScreenshot", Map.of("format", "png",
                    "captureBeyondViewport", true, "clip", Map.of("x", 0, "y", 0, "width", width,
                            "height", Math.min(height.intValue(), 4000), "scale", 1)));
            Files.write(file, java.util.Base64.getDecoder().decode((String) shot.get("data")));
            return file;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** A photo as a phone would take it: a street scene of the given seed, 1024 × 768 JPEG. */
    static Path photo(String name, int seed) {
        BufferedImage image = new BufferedImage(1024, 768, BufferedImage.TYPE_INT_RGB);
        Graphics2D g = image.createGraphics();
        g.setRenderingHint(RenderingHints.KEY_ANTIALIASING, RenderingHints.VALUE_ANTIALIAS_ON);
        Random random = new Random(seed);
        g.setColor(new Color(150 + random.nextInt(60), 190 + random.nextInt(40), 225));
        g.fillRect(0, 0, 1024, 300);
        g.setColor(new Color(95, 98, 104));
        g.fillRect(0, 300, 1024, 468);
        g.setColor(new Color(230, 230, 225));
        for (int x = 0; x < 1024; x += 160) {
            g.fillRect(x, 520, 90, 12);
        }
        for (int i = 0; i < 40; i++) {
            g.setColor(new Color(random.nextInt(160) + 60, random.nextInt(120) + 40, random.nextInt(80) + 20));
            g.fillOval(380 + random.nextInt(260), 380 + random.nextInt(140), 30 + random.nextInt(70), 20 + random.nextInt(50));
        }
        g.dispose();
        try {
            Path dir = Files.createDirectories(Path.of("target", "browser-photos"));
            Path file = dir.resolve(name + ".jpg");
            ImageIO.write(image, "jpg", file.toFile());
            return file.toAbsolutePath();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @Override
    public void close() {
        chrome.quit();
        try (var files = Files.walk(profile)) {
            files.sorted(java.util.Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
        } catch (IOException e) {
            // a temporary profile left behind is harmless
        }
    }
}
