package shop.archfixture.undeclared.catalog;

public record StockLevel(String sku, int onHand) {
}
