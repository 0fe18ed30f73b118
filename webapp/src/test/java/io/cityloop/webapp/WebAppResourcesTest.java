package io.cityloop.webapp;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.URL;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;

/**
 * The apps as the gateway will serve them: every file a page, a module or the service worker asks for is in
 * the jar or a webjar (so a version bump in the pom that forgets index.html fails here), nothing comes from another
 * host (a city's intranet has no internet), and every label key the code uses exists in Chinese and in English.
 */
class WebAppResourcesTest {

    private static final Path ROOT = Path.of("src/main/resources/META-INF/resources");
    private static final Pattern LOCAL_ASSET = Pattern.compile("(?:src|href)=\"(/[^\"]*)\"");
    private static final Pattern IMPORT = Pattern.compile("from '(\\.{1,2}/[^']+)'");
    private static final Pattern PRECACHE_ENTRY = Pattern.compile("'(/[^']*)'");
    /** A whole key, t('report.send') or t('time.left', {…}); t('case.' + status) is built at run time. */
    private static final Pattern LABEL_KEY = Pattern.compile("\\bt\\('([a-zA-Z]+\\.[\\w.-]*\\w)'\\s*[,)]");
    private static final Pattern WEBJAR = Pattern.compile("'(/webjars/[^']+)'");
    private static final Pattern DICTIONARY_ENTRY = Pattern.compile("^\\s+'([\\w.-]+)':", Pattern.MULTILINE);

    @Test
    void everyAssetTheIndexPageLoadsIsServedFromThisOrigin() throws IOException {
        String index = read(ROOT.resolve("index.html"));
        List<String> assets = matches(LOCAL_ASSET, index);

        assertThat(assets).contains("/webjars/vue/3.5.26/dist/vue.global.prod.js", "/app/main.js");
        assertThat(assets).allSatisfy(asset -> assertThat(served(asset)).as(asset).isTrue());
    }

    @Test
    void theServiceWorkerPrecachesOnlyFilesThatExist() throws IOException {
        String worker = read(ROOT.resolve("sw.js"));
        String precache = worker.substring(worker.indexOf("PRECACHE = ["), worker.indexOf("];"));
        List<String> entries = matches(PRECACHE_ENTRY, precache);

        assertThat(entries).hasSizeGreaterThan(10);
        assertThat(entries).allSatisfy(entry -> assertThat(served(entry)).as(entry).isTrue());
        try (Stream<Path> modules = Files.walk(ROOT.resolve("app"))) {
            modules.filter(p -> p.toString().endsWith(".js")).forEach(module -> assertThat(entries)
                    .as("the service worker keeps every module for offline use")
                    .contains("/" + ROOT.relativize(module).toString().replace('\\', '/')));
        }
    }

    @Test
    void everyWebjarFileAScriptLoadsIsOnTheClassPath() throws IOException {
        List<String> loaded = new ArrayList<>();
        for (Path module : scripts()) {
            loaded.addAll(matches(WEBJAR, read(module)));
        }
        assertThat(loaded).contains("/webjars/echarts/5.3.1/dist/echarts.min.js");
        assertThat(loaded).allSatisfy(path -> assertThat(served(path)).as(path).isTrue());
    }

    @Test
    void everyModuleImportResolves() throws IOException {
        for (Path module : scripts()) {
            for (String target : matches(IMPORT, read(module))) {
                assertThat(module.getParent().resolve(target).normalize()).as(module + " imports " + target).exists();
            }
        }
    }

    @Test
    void nothingIsLoadedFromAnotherHost() throws IOException {
        List<Path> files = new ArrayList<>(scripts());
        files.add(ROOT.resolve("index.html"));
        files.add(ROOT.resolve("app/app.css"));
        files.add(ROOT.resolve("manifest.webmanifest"));
        for (Path file : files) {
            assertThat(read(file)).as(file.toString()).doesNotContainPattern("(?i)(https?:)?//[a-z0-9.-]+\\.[a-z]{2,}/");
        }
    }

    @Test
    void everyLabelKeyExistsInChineseAndEnglish() throws IOException {
        String dictionaries = read(ROOT.resolve("app/i18n.js"));
        String chinese = dictionaries.substring(dictionaries.indexOf("const zh = {"), dictionaries.indexOf("const en = {"));
        String english = dictionaries.substring(dictionaries.indexOf("const en = {"), dictionaries.indexOf("const dictionaries"));
        Set<String> zh = new LinkedHashSet<>(matches(DICTIONARY_ENTRY, chinese));
        Set<String> en = new LinkedHashSet<>(matches(DICTIONARY_ENTRY, english));

        assertThat(en).containsExactlyInAnyOrderElementsOf(zh);
        Set<String> used = new LinkedHashSet<>();
        for (Path module : scripts()) {
            used.addAll(matches(LABEL_KEY, read(module)));
        }
        assertThat(used).hasSizeGreaterThan(50);
        assertThat(zh).containsAll(used);
    }

    private static boolean served(String path) {
        String clean = path.equals("/") ? "/index.html" : path;
        if (Files.exists(ROOT.resolve(clean.substring(1)))) {
            return true;
        }
        URL url = WebAppResourcesTest.class.getClassLoader().getResource("META-INF/resources" + clean);
        if (url == null) {
            return false;
        }
        try (InputStream in = url.openStream()) {
            return in.read() >= 0;
        } catch (IOException e) {
            return false;
        }
    }

    private static List<Path> scripts() throws IOException {
        try (Stream<Path> files = Files.walk(ROOT)) {
            return files.filter(p -> p.toString().endsWith(".js")).toList();
        }
    }

    private static List<String> matches(Pattern pattern, String text) {
        List<String> found = new ArrayList<>();
        Matcher m = pattern.matcher(text);
        while (m.find()) {
            found.add(m.group(1));
        }
        return found;
    }

    private static String read(Path file) {
        try {
            return Files.readString(file, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
