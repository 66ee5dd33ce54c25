/** Catalog: categories, products, SKUs, search and listings. Other modules use only the types in this package. */
package shop.storefront.catalog;
