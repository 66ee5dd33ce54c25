package shop.storefront.account.internal.service;

import io.quarkus.panache.common.Sort;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import shop.storefront.account.internal.domain.Address;
import shop.storefront.account.internal.domain.Customer;
import shop.storefront.platform.LikePattern;
import shop.storefront.platform.PostalAddress;

/** Customers as staff read them: a searchable list and one customer's details. */
@ApplicationScoped
public class BackOfficeCustomers {

    public static final int PAGE_SIZE = 50;

    /** One row of the list; {@code id} is the public id. */
    public record Row(String id, String email, String fullName, String role, Instant createdAt) {
        public String path() {
            return "/admin/customers/" + id;
        }
    }

    /** A page of the list: {@code total} customers match in all. */
    public record Page(List<Row> rows, long total, int page) {
        public boolean hasPrevious() {
            return page > 1;
        }

        public boolean hasNext() {
            return (long) page * PAGE_SIZE < total;
        }
    }

    /** A saved address and what it is the default for. */
    public record SavedAddress(PostalAddress address, boolean defaultShipping, boolean defaultBilling) {
    }

    public record Detail(String id, String email, String fullName, String role, Instant createdAt, boolean cartReminders,
            List<SavedAddress> addresses) {
    }

    /** Newest accounts first; {@code search} (null for all) is found in the e-mail or the name, in any case. */
    @Transactional
    public Page list(String search, int page) {
        var query = search == null ? Customer.<Customer>findAll(Sort.descending("createdAt", "id"))
                : Customer.<Customer>find("lower(email) like ?1 " + LikePattern.ESCAPE_CLAUSE + " or lower(fullName) like ?1 "
                        + LikePattern.ESCAPE_CLAUSE, Sort.descending("createdAt", "id"), LikePattern.containing(search));
        List<Row> rows = query.page(io.quarkus.panache.common.Page.of(page - 1, PAGE_SIZE)).list().stream()
                .map(c -> new Row(c.publicId.toString(), c.email, c.fullName, c.role, c.createdAt)).toList();
        return new Page(rows, query.count(), page);
    }

    /** The customer with this public id, or empty (unknown or malformed). */
    @Transactional
    public Optional<Detail> detail(String id) {
        return Customer.findByPublicId(id).map(c -> new Detail(c.publicId.toString(), c.email, c.fullName, c.role, c.createdAt,
                c.cartReminders, Address.ofCustomer(c.id).stream().map(a -> new SavedAddress(new PostalAddress(a.fullName,
                        a.line1, a.line2, a.city, a.postalCode, a.country, a.phone), a.defaultShipping, a.defaultBilling)).toList()));
    }
}
