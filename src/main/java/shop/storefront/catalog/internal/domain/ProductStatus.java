package shop.storefront.catalog.internal.domain;

import jakarta.persistence.AttributeConverter;
import jakarta.persistence.Converter;

/** Only active products are visible to shoppers. */
public enum ProductStatus {
    DRAFT, ACTIVE, ARCHIVED;

    /** Stored lower-case, as the database check constraint expects. */
    @Converter(autoApply = true)
    public static class DatabaseForm implements AttributeConverter<ProductStatus, String> {
        @Override
        public String convertToDatabaseColumn(ProductStatus status) {
            return status == null ? null : status.name().toLowerCase();
        }

        @Override
        public ProductStatus convertToEntityAttribute(String value) {
            return value == null ? null : ProductStatus.valueOf(value.toUpperCase());
        }
    }
}
