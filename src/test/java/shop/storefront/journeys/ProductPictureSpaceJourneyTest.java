package shop.storefront.journeys;

import static org.assertj.core.api.Assertions.assertThat;

import com.microsoft.playwright.Locator;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.Route;
import com.microsoft.playwright.options.BoundingBox;
import com.microsoft.playwright.options.WaitForSelectorState;
import com.microsoft.playwright.options.WaitUntilState;
import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.net.URL;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import shop.storefront.catalog.CatalogOracle;
import shop.storefront.catalog.SizeColourProduct;

/**
 * A product page keeps the main picture's place while the picture is still on its way: nothing below it moves when it
 * arrives (Lighthouse counted such a shift on phones as 0.14 of layout shift). The pictures are held back until the
 * page is laid out, then let through. (JavaScript is on only for the test's own polling; the page needs none.)
 */
@QuarkusTest
class ProductPictureSpaceJourneyTest {

    /** The first picture, in a {@code <picture>} once its thumbnails exist, on its own before. */
    private static final String MAIN_PICTURE = ".gallery > picture:first-child img, .gallery > img:first-child";

    @TestHTTPResource("/")
    URL home;
    @Inject
    CatalogOracle db;

    @ParameterizedTest(name = "{0} {1}×{2}")
    @CsvSource({"desktop, 1366, 900", "phone, 390, 844"})
    void theMainPictureHasItsPlaceBeforeItArrives(String device, int width, int height) {
        SizeColourProduct product = SizeColourProduct.create(db);
        assertThat(product.copyPictures(db)).as("pictures copied").isPositive();
        try (BrowserSession browser = BrowserSession.start("picture-space-" + device, width, height, true)) {
            Page page = browser.page;
            List<Route> heldBack = new ArrayList<>();
            page.route("**/media/**", heldBack::add);
            page.navigate(home + product.path().substring(1), new Page.NavigateOptions().setWaitUntil(WaitUntilState.DOMCONTENTLOADED));
            page.locator(MAIN_PICTURE).waitFor(new Locator.WaitForOptions().setState(WaitForSelectorState.ATTACHED));
            assertThat((Boolean) page.locator(MAIN_PICTURE).evaluate("img => img.complete && img.naturalWidth > 0"))
                    .as("the picture is still on its way").isFalse();
            BoundingBox pictureBefore = page.locator(MAIN_PICTURE).boundingBox();
            BoundingBox descriptionBefore = page.locator(".description").boundingBox();
            browser.screenshot("picture-on-its-way");

            page.unroute("**/media/**");
            heldBack.forEach(Route::resume);
            page.waitForFunction("sel => { const img = document.querySelector(sel); return img.complete && img.naturalWidth > 0; }",
                    MAIN_PICTURE);
            BoundingBox pictureAfter = page.locator(MAIN_PICTURE).boundingBox();
            assertThat(pictureBefore.width).as("width kept for the picture").isGreaterThan(100).isEqualTo(pictureAfter.width);
            assertThat(pictureBefore.height).as("height kept for the picture").isGreaterThan(100).isEqualTo(pictureAfter.height);
            assertThat(page.locator(".description").boundingBox().y).as("the description stays where it was")
                    .isEqualTo(descriptionBefore.y);
            browser.screenshot("picture-arrived");
        } finally {
            product.archive(db);
        }
    }
}
