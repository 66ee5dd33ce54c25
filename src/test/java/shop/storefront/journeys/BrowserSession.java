package shop.storefront.journeys;

import static org.junit.jupiter.api.Assumptions.assumeTrue;

import com.microsoft.playwright.Browser;
import com.microsoft.playwright.BrowserType;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.Playwright;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

/**
 * Headless Debian Chromium driven by Playwright, for journeys through the real pages. Playwright never
 * downloads a browser here. Without Chromium the journey is skipped locally, but fails under CI, where
 * .ci/run installs it.
 */
final class BrowserSession implements AutoCloseable {

    static final Path CHROMIUM = Path.of(System.getenv().getOrDefault("CHROMIUM_PATH", "/usr/bin/chromium"));
    private static final Path SCREENSHOTS = Path.of("target", "screenshots");

    private final Playwright playwright;
    private final Browser browser;
    final Page page;
    private final String journey;
    private int step;

    private BrowserSession(String journey, int width, int height, boolean javaScript) {
        this.journey = journey;
        playwright = Playwright.create(new Playwright.CreateOptions().setEnv(Map.of("PLAYWRIGHT_SKIP_BROWSER_DOWNLOAD", "1")));
        browser = playwright.chromium().launch(new BrowserType.LaunchOptions()
                .setExecutablePath(CHROMIUM).setHeadless(true)
                .setArgs(List.of("--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
                        "--disable-background-networking", "--disable-component-update", "--disable-sync")));
        page = browser.newContext(new Browser.NewContextOptions().setViewportSize(width, height)
                .setJavaScriptEnabled(javaScript)).newPage();
        // Playwright waits for each element or navigation and goes on as soon as it is there; the ceiling allows for
        // a busy machine (Chromium and the app sharing two cores with other work).
        page.setDefaultTimeout(60_000);
    }

    /** A page in a fresh context of the same browser: another person, with no cookies of the first. */
    Page freshContext() {
        Page other = browser.newContext(new Browser.NewContextOptions().setViewportSize(1280, 900)).newPage();
        other.setDefaultTimeout(60_000);
        return other;
    }

    static BrowserSession start(String journey) {
        return start(journey, 1280, 900, true);
    }

    /** A browser with this window size, with or without JavaScript (every page must work without it). */
    static BrowserSession start(String journey, int width, int height, boolean javaScript) {
        boolean ci = "true".equals(System.getenv("CI"));
        assumeTrue(ci || Files.isExecutable(CHROMIUM), "Chromium not installed (apt-get install chromium); journey skipped");
        return new BrowserSession(journey, width, height, javaScript);
    }

    /** Saves target/screenshots/<journey>-<nn>-<name>.png. */
    void screenshot(String name) {
        screenshot(page, name);
    }

    /** Saves target/screenshots/<journey>-<nn>-<name>.png of the given page (e.g. a {@link #freshContext()}'s). */
    void screenshot(Page of, String name) {
        step++;
        of.screenshot(new Page.ScreenshotOptions().setFullPage(true)
                .setPath(SCREENSHOTS.resolve("%s-%02d-%s.png".formatted(journey, step, name))));
    }

    @Override
    public void close() {
        browser.close();
        playwright.close();
    }
}
