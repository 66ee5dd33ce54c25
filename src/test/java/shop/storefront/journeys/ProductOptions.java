package shop.storefront.journeys;

import com.microsoft.playwright.Locator;
import com.microsoft.playwright.Page;

/** The size and colour buttons of a product page's add-to-cart form: a radio each, shown as its label. */
final class ProductOptions {

    private ProductOptions() {
    }

    /** The radio for this value of the option (e.g. "size", "L"). */
    static Locator option(Page page, String name, String value) {
        return page.locator("form.add-to-cart input[name=" + name + "][value='" + value + "']");
    }

    /** The visible button that stands for the radio. */
    static Locator label(Page page, String name, String value) {
        return page.locator("label[for='" + option(page, name, value).getAttribute("id") + "']");
    }

    /** As a shopper does: a click on the visible label, not on the radio it stands for. */
    static void choose(Page page, String name, String value) {
        label(page, name, value).click();
    }
}
