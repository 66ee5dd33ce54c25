package shop.archfixture.entityleak.catalog.internal;

import jakarta.persistence.Entity;
import jakarta.persistence.Id;

@Entity
public class StockRow {
    @Id
    public Long id;
    public int onHand;
}
