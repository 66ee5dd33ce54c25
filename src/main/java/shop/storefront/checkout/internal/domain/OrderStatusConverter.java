package shop.storefront.checkout.internal.domain;

import jakarta.persistence.AttributeConverter;
import jakarta.persistence.Converter;

/** Stored lower-case, as the table's CHECK constraint spells the statuses. */
@Converter(autoApply = true)
public class OrderStatusConverter implements AttributeConverter<OrderStatus, String> {

    @Override
    public String convertToDatabaseColumn(OrderStatus status) {
        return status == null ? null : status.code();
    }

    @Override
    public OrderStatus convertToEntityAttribute(String code) {
        return code == null ? null : OrderStatus.ofCode(code);
    }
}
