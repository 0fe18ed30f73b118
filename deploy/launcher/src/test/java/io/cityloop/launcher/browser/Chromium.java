package io.cityloop.launcher.browser;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Stream;

import org.openqa.selenium.Dimension;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;

/**
 * Debian's Chromium and its ChromeDriver, as {@code .ci/run} installs them ({@code apt-get install chromium
 * chromium-driver}); {@code CITYLOOP_CHROMIUM} and {@code CITYLOOP_CHROMEDRIVER} point elsewhere. Selenium Manager
 * is never asked to download a browser: the build machines reach no browser download site.
 */
final class Chromium {

    static final String HOW_TO_INSTALL = "browser tests skipped: no Chromium found — install it with "
            + "'sudo apt-get install chromium chromium-driver' (Debian; .ci/run does this), or set "
            + "CITYLOOP_CHROMIUM and CITYLOOP_CHROMEDRIVER";

    private static final List<String> BROWSERS = List.of("/usr/bin/chromium", "/usr/bin/chromium-browser",
            "/usr/bin/google-chrome");
    private static final List<String> DRIVERS = List.of("/usr/bin/chromedriver", "/usr/lib/chromium/chromedriver");

    private Chromium() {
    }

    static Optional<Path> browser() {
        return find("CITYLOOP_CHROMIUM", BROWSERS);
    }

    static Optional<Path> driver() {
        return find("CITYLOOP_CHROMEDRIVER", DRIVERS);
    }

    static boolean available() {
        return browser().isPresent() && driver().isPresent();
    }

    /** A fresh headless browser with an empty profile, its window the given size (a phone: 390 × 844). */
    static ChromeDriver open(Dimension window, Path profile) {
        ChromeOptions options = new ChromeOptions();
        options.setBinary(browser().orElseThrow().toFile());
        options.addArguments("--headless=new", "--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage",
                "--disable-quic", "--no-first-run", "--disable-background-networking", "--disable-component-update",
                "--disable-sync", "--disable-extensions", "--lang=zh-CN", "--force-device-scale-factor=1",
                "--user-data-dir=" + profile, "--window-size=" + window.width + "," + window.height);
        options.setExperimentalOption("prefs", Map.of("intl.accept_languages", "zh-CN,zh"));
        ChromeDriverService service = new ChromeDriverService.Builder()
                .usingDriverExecutable(driver().orElseThrow().toFile()).usingAnyFreePort()
                .withTimeout(Duration.ofSeconds(60)).build();
        ChromeDriver chrome = new ChromeDriver(service, options);
        chrome.manage().timeouts().scriptTimeout(Duration.ofSeconds(30));
        return chrome;
    }

    private static Optional<Path> find(String variable, List<String> candidates) {
        String configured = System.getenv(variable);
        Stream<String> paths = configured == null || configured.isBlank() ? candidates.stream()
                : Stream.of(configured);
        return paths.map(Path::of).filter(Files::isExecutable).findFirst();
    }
}
