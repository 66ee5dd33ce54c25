package shop.storefront.web;

/**
 * The CSRF token this browser's forms must carry ({@code csrf-token} field or {@code X-CSRF-Token} header), for pages
 * whose forms get it filled in by a script rather than rendered in.
 */
public interface FormTokens {

    /** A freshly masked copy of this browser's token; issues the browser's secret cookie the first time. */
    String token();
}
