package shop.storefront.backoffice.internal;

import jakarta.enterprise.context.ApplicationScoped;
import java.util.List;
import shop.storefront.backoffice.DashboardSection;
import shop.storefront.messaging.DeadLetters;

/** Background work that gave up: any number above zero needs a person (an e-mail not sent, a payment not recorded). */
@ApplicationScoped
class DeadLetterSection implements DashboardSection {

    private final DeadLetters deadLetters;

    DeadLetterSection(DeadLetters deadLetters) {
        this.deadLetters = deadLetters;
    }

    @Override
    public int position() {
        return 900;
    }

    @Override
    public String heading() {
        return "Background work";
    }

    @Override
    public List<Line> lines() {
        return List.of(Line.of("Dead letters (failed every retry)", Long.toString(deadLetters.count())));
    }
}
