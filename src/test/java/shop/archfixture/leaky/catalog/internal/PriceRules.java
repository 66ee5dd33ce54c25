package shop.archfixture.leaky.catalog.internal;

public class PriceRules {
    public static int discount() {
        return 10;
    }
}
