package shop.storefront.backoffice;

import java.util.List;

/**
 * Who changed what in the back office, and when. An entry is written in the caller's transaction, so it exists exactly
 * when the change it describes was committed; the staff member is the signed-in user of the request.
 */
public interface AuditTrail {

    /**
     * Records a change made by the signed-in staff member, e.g. {@code record("stock.adjusted", "SKU TEE-RED-M",
     * "+5 (delivery)")}. Must be called inside the transaction that makes the change.
     *
     * @param action  what was done, a dotted name such as {@code order.cancelled}
     * @param subject what it was done to, as staff would search for it (an order number, a SKU, a product slug)
     * @param detail  the specifics worth keeping (reason, old → new); may be empty
     */
    void record(String action, String subject, String detail);

    /**
     * The signed-in staff member as entries name them (their e-mail), for a module that also keeps who made a change
     * next to the change itself, such as an order's history.
     */
    String actor();

    /** The newest entries first, optionally only those whose subject is {@code subject}. */
    List<AuditEntryView> latest(String subject, int limit);
}
