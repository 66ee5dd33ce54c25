package shop.storefront.catalog.internal.domain;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

@Entity
@Table(schema = "catalog", name = "category")
public class Category extends PanacheEntityBase {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    public Long id;

    @Column(nullable = false, length = 120)
    public String slug;

    @Column(nullable = false, length = 200)
    public String name;

    @Column(columnDefinition = "text")
    public String description;

    @Column(name = "parent_id")
    public Long parentId;

    @Column(nullable = false)
    public int position;
}
