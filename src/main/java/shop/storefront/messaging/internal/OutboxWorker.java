package shop.storefront.messaging.internal;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.micrometer.core.instrument.MeterRegistry;
import io.quarkus.arc.Arc;
import io.quarkus.arc.ManagedContext;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.narayana.jta.QuarkusTransactionException;
import io.quarkus.runtime.ShutdownEvent;
import io.quarkus.scheduler.Scheduled;
import io.quarkus.scheduler.ScheduledExecution;
import jakarta.annotation.PreDestroy;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.enterprise.inject.Any;
import jakarta.enterprise.inject.Instance;
import jakarta.inject.Singleton;
import jakarta.persistence.EntityManager;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.jboss.logging.Logger;
import shop.storefront.messaging.MessageHandler;
import shop.storefront.platform.DatabaseOutage;
import shop.storefront.platform.StorefrontConfig;

/**
 * Drains the outbox on every instance. Each message is claimed with {@code FOR UPDATE SKIP LOCKED} in its own
 * transaction, which stays open while the handler runs: other instances skip it, and if this instance dies the
 * database drops the lock and the message becomes due again. Success marks the message handled in Redis
 * ({@link HandledMarks}, so that a claim lost with the database is not handled twice) and deletes the row; failure schedules a
 * retry with exponential back-off, and the last allowed failure moves it to messaging.dead_letter.
 *
 * <p>A handler runs on a thread of its own and is abandoned (interrupted) once it outlives the handler timeout: a
 * transaction timeout alone only rolls back after the handler returns, so a call that never returns (a mail relay
 * that stopped answering) would otherwise hold this instance's worker for good.
 */
@ApplicationScoped
public class OutboxWorker {

    private static final Logger LOG = Logger.getLogger(OutboxWorker.class);

    private final EntityManager em;
    private final ObjectMapper json;
    private final OutboxConfig config;
    private final MeterRegistry metrics;
    private final HandledMarks marks;
    private final Map<String, MessageHandler<?>> handlers = new HashMap<>();
    private final ExecutorService handlerThreads = Executors.newCachedThreadPool(
            Thread.ofPlatform().name("outbox-handler-", 0).daemon(true).factory());
    private volatile boolean stopping;
    /** Whether the last poll found the database out of reach (scheduler threads take turns, hence volatile). */
    private volatile boolean databaseOut;

    OutboxWorker(EntityManager em, ObjectMapper json, OutboxConfig config, MeterRegistry metrics, HandledMarks marks,
            @Any Instance<MessageHandler<?>> handlers) {
        this.marks = marks;
        this.em = em;
        this.json = json;
        this.config = config;
        this.metrics = metrics;
        for (MessageHandler<?> handler : handlers) {
            if (this.handlers.put(handler.topic(), handler) != null) {
                throw new IllegalStateException("Two handlers for outbox topic " + handler.topic());
            }
        }
    }

    // The interval's default is OutboxConfig.pollInterval()'s: a config mapping's defaults are config values too.
    @Scheduled(identity = "outbox-worker", every = "${storefront.outbox.poll-interval}",
            concurrentExecution = Scheduled.ConcurrentExecution.SKIP, skipExecutionIf = WorkerDisabled.class)
    void poll() {
        try {
            for (int i = 0; i < config.batchSize() && !stopping && handleNext(); i++) {
                // one message per turn
            }
        } catch (RuntimeException e) {
            if (!DatabaseOutage.causedBy(e)) {
                throw e;
            }
            // Messages wait in the database, so nothing is lost: one line when it goes, one when it is back.
            if (!databaseOut) {
                LOG.warnf("Outbox paused: the database is out of reach (%s); trying again every poll", e.getMessage());
                databaseOut = true;
            }
            return;
        }
        if (databaseOut) {
            LOG.info("Outbox resumed: the database answers again");
            databaseOut = false;
        }
    }

    /** Claims and handles one due message; false when none is due (or all due ones are held by others). */
    public boolean handleNext() {
        // The claim outlives the handler's transaction, so that a handler timing out is still recorded as a failure.
        return QuarkusTransaction.requiringNew().timeout(handlerTimeoutSeconds() + 30).call(() -> {
            @SuppressWarnings("unchecked")
            List<Object[]> rows = em.createNativeQuery("""
                    SELECT id, topic, CAST(payload AS text), attempts, (extract(epoch FROM created_at) * 1000000)::bigint::text
                      FROM messaging.outbox
                     WHERE available_at <= now() ORDER BY available_at, id LIMIT 1 FOR UPDATE SKIP LOCKED""").getResultList();
            if (rows.isEmpty()) {
                return false;
            }
            Object[] row = rows.getFirst();
            long id = ((Number) row[0]).longValue();
            String topic = (String) row[1];
            int attempts = ((Number) row[3]).intValue() + 1;
            String identity = HandledMarks.identity(id, (String) row[4]);
            if (marks.handled(identity)) {
                // Handled before the database went away under the claim: done, only its row was left.
                em.createNativeQuery("DELETE FROM messaging.outbox WHERE id = :id").setParameter("id", id).executeUpdate();
                metrics.counter("storefront.outbox.handled", "topic", topic, "outcome", "already_handled").increment();
                return true;
            }
            try {
                dispatch(topic, (String) row[2], identity);
                marks.mark(identity);
                em.createNativeQuery("DELETE FROM messaging.outbox WHERE id = :id").setParameter("id", id).executeUpdate();
                metrics.counter("storefront.outbox.handled", "topic", topic, "outcome", "ok").increment();
            } catch (Exception | Error e) {
                // An Error too (say, a class missing from a native image): it must use up an attempt, or the message
                // would come back on every poll forever.
                failed(id, topic, attempts, e);
            }
            return true;
        });
    }

    /**
     * The handler runs in a transaction of its own (its changes commit even though the claim is still open), on a
     * handler thread this worker stops waiting for after the handler timeout.
     */
    private <T> void dispatch(String topic, String payload, String identity) throws Exception {
        @SuppressWarnings("unchecked")
        MessageHandler<T> handler = (MessageHandler<T>) handlers.get(topic);
        if (handler == null) {
            throw new IllegalStateException("No handler for topic " + topic);
        }
        T message = json.readValue(payload, handler.payloadType());
        long started = System.nanoTime();
        Future<?> attempt = handlerThreads.submit(() -> handleInTransaction(handler, message, identity));
        try {
            attempt.get(config.handlerTimeout().toMillis(), TimeUnit.MILLISECONDS);
        } catch (TimeoutException e) {
            // Interrupting ends blocking waits (a mail send, a sleep); its transaction times out, so nothing it wrote commits.
            attempt.cancel(true);
            throw new IllegalStateException("Handler ran longer than storefront.outbox.handler-timeout ("
                    + config.handlerTimeout() + ") and was abandoned; its changes are rolled back", e);
        } catch (InterruptedException e) {
            attempt.cancel(true);
            Thread.currentThread().interrupt();
            throw e;
        } catch (ExecutionException e) {
            // A Runnable fails only with unchecked exceptions (QuarkusTransaction wraps the handler's checked ones).
            if (e.getCause() instanceof QuarkusTransactionException failed
                    && Duration.ofNanos(System.nanoTime() - started).toSeconds() >= handlerTimeoutSeconds()) {
                throw new IllegalStateException("Handler ran longer than storefront.outbox.handler-timeout ("
                        + config.handlerTimeout() + "); its changes were rolled back (" + describe(failed) + ")", failed);
            }
            if (e.getCause() instanceof Error error) {
                throw error;
            }
            throw (RuntimeException) e.getCause();
        }
    }

    /** On a handler thread, with a request context as the scheduler's own threads have. */
    private <T> void handleInTransaction(MessageHandler<T> handler, T message, String identity) {
        ManagedContext requestContext = Arc.container().requestContext();
        requestContext.activate();
        try {
            QuarkusTransaction.requiringNew().timeout(handlerTimeoutSeconds()).call(() -> {
                handler.handle(message);
                if (handler.doneWhenHandled()) {
                    marks.mark(identity); // before the commit, which the database going away would fail
                }
                return null;
            });
        } finally {
            requestContext.terminate();
        }
    }

    private int handlerTimeoutSeconds() {
        return (int) Math.max(1, config.handlerTimeout().toSeconds());
    }

    private void failed(long id, String topic, int attempts, Throwable e) {
        String error = describe(e);
        if (attempts >= config.maxAttempts()) {
            em.createNativeQuery("""
                    WITH gone AS (DELETE FROM messaging.outbox WHERE id = :id RETURNING id, topic, payload, created_at)
                    INSERT INTO messaging.dead_letter (id, topic, payload, created_at, attempts, last_error)
                    SELECT id, topic, payload, created_at, :attempts, :error FROM gone""")
                    .setParameter("id", id).setParameter("attempts", attempts).setParameter("error", error).executeUpdate();
            metrics.counter("storefront.outbox.handled", "topic", topic, "outcome", "dead_lettered").increment();
            LOG.errorf("Outbox message %d (%s) moved to the dead-letter table after %d attempts: %s", id, topic, attempts, error);
            return;
        }
        Duration wait = backoff(attempts);
        em.createNativeQuery("""
                UPDATE messaging.outbox SET attempts = :attempts, last_error = :error,
                       available_at = now() + :wait * interval '1 millisecond' WHERE id = :id""")
                .setParameter("attempts", attempts).setParameter("error", error).setParameter("wait", wait.toMillis())
                .setParameter("id", id).executeUpdate();
        metrics.counter("storefront.outbox.handled", "topic", topic, "outcome", "retry").increment();
        LOG.warnf("Outbox message %d (%s) failed attempt %d of %d, next try in %s: %s", id, topic, attempts,
                config.maxAttempts(), wait, error);
    }

    Duration backoff(int attempts) {
        return new RetryBackoff(config.initialBackoff(), config.maxBackoff()).after(attempts);
    }

    private static String describe(Throwable failure) {
        Throwable e = failure instanceof QuarkusTransactionException && failure.getCause() != null ? failure.getCause() : failure;
        String message = e.getClass().getSimpleName() + (e.getMessage() == null ? "" : ": " + e.getMessage());
        return message.length() > 2000 ? message.substring(0, 2000) : message;
    }

    /** On shutdown stop claiming; a message being handled finishes (or its claim is released by the rollback). */
    void stop(@Observes ShutdownEvent event) {
        stopping = true;
    }

    /** On shutdown a handler still running is left to finish, not interrupted (see {@link #stop}). */
    @PreDestroy
    void stopHandlerThreads() {
        handlerThreads.shutdown();
    }

    @Singleton
    /** Off by setting, or on a browse-only instance, whose database (a read-only replica) takes no claims. */
    static class WorkerDisabled implements Scheduled.SkipPredicate {
        private final OutboxConfig config;
        private final StorefrontConfig storefront;

        WorkerDisabled(OutboxConfig config, StorefrontConfig storefront) {
            this.config = config;
            this.storefront = storefront;
        }

        @Override
        public boolean test(ScheduledExecution execution) {
            return !config.workerEnabled() || storefront.readOnly();
        }
    }
}
