package shop.archfixture.leaky.cart;

import shop.archfixture.leaky.catalog.internal.PriceRules;

public class UsesCatalogInternals {
    int discount() {
        return PriceRules.discount();
    }
}
