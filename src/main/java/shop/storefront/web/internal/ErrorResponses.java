package shop.storefront.web.internal;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.exc.InputCoercionException;
import com.fasterxml.jackson.databind.exc.UnrecognizedPropertyException;
import com.fasterxml.jackson.databind.exc.MismatchedInputException;
import io.quarkus.qute.CheckedTemplate;
import io.quarkus.qute.TemplateInstance;
import io.vertx.core.http.HttpServerRequest;
import jakarta.validation.ConstraintViolationException;
import jakarta.ws.rs.NotFoundException;
import jakarta.ws.rs.Priorities;
import jakarta.ws.rs.WebApplicationException;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.util.List;
import java.util.UUID;
import org.jboss.logging.Logger;
import org.jboss.resteasy.reactive.server.ServerExceptionMapper;
import shop.storefront.platform.DatabaseOutage;
import shop.storefront.platform.DomainException;
import shop.storefront.platform.InvalidFields;
import shop.storefront.web.ErrorStatus;
import shop.storefront.web.Problem;
import shop.storefront.web.Redirects;

/**
 * Turns every failure into a response a person can act on: an HTML page in the site's look for
 * browsers, problem+json for /api clients. Never a stack trace.
 */
public class ErrorResponses {

    private static final Logger LOG = Logger.getLogger(ErrorResponses.class);
    /** deadlock_detected and serialization_failure: PostgreSQL undid the whole transaction so that a retry can succeed. */
    private static final java.util.Set<String> ROLLED_BACK_TO_RETRY = java.util.Set.of("40P01", "40001");

    @CheckedTemplate(basePath = "errors")
    static class Templates {
        static native TemplateInstance error(int status, String title, String detail, String incident);
    }

    /**
     * A domain refusal (sold out, invalid field, not found, …): the status from {@link ErrorStatus}, the message as
     * detail (for several invalid fields, the first one's), every invalid field in invalidParams.
     */
    @ServerExceptionMapper
    public Response domain(DomainException e, HttpServerRequest request) {
        int status = ErrorStatus.of(e);
        List<Problem.InvalidParam> params = invalidParams(e);
        Response response = respond(request, status, title(status), e.getMessage(), params, null);
        Long retryAfter = ErrorStatus.retryAfterSeconds(e);
        return retryAfter == null ? response : Response.fromResponse(response).header("Retry-After", retryAfter).build();
    }

    private static List<Problem.InvalidParam> invalidParams(DomainException e) {
        if (e instanceof InvalidFields fields) {
            return fields.errors().entrySet().stream().map(f -> new Problem.InvalidParam(f.getKey(), f.getValue())).toList();
        }
        return e.field() == null ? null : List.of(new Problem.InvalidParam(e.field(), e.getMessage()));
    }

    @ServerExceptionMapper
    public Response constraintViolation(ConstraintViolationException e, HttpServerRequest request) {
        List<Problem.InvalidParam> params = e.getConstraintViolations().stream()
                .map(v -> new Problem.InvalidParam(lastNode(v.getPropertyPath().toString()), v.getMessage()))
                .toList();
        String detail = params.stream().map(p -> p.name() + " " + p.reason()).reduce((a, b) -> a + "; " + b).orElse("Invalid input.");
        return respond(request, 400, "Invalid request", detail, params, null);
    }

    @ServerExceptionMapper
    public Response malformedJson(JsonProcessingException e, HttpServerRequest request) {
        boolean outOfRange = e instanceof InputCoercionException || e.getCause() instanceof InputCoercionException;
        String detail = outOfRange ? "A number in the request body is out of range." : "The request body is not valid JSON.";
        return respond(request, 400, "Malformed JSON", detail, null, null);
    }

    /** A framework 404 carries internal wording: the shopper gets the generic text (a domain NotFound says its own). */
    @ServerExceptionMapper
    public Response notFound(NotFoundException e, HttpServerRequest request) {
        return notFoundResponse(request, null);
    }

    /** Jackson's own mapper would answer these with a bare 400; say what was wrong instead. */
    @ServerExceptionMapper(priority = Priorities.USER - 100)
    public Response mismatchedJson(MismatchedInputException e, HttpServerRequest request) {
        String field = e.getPath().stream().map(r -> r.getFieldName() == null ? "[" + r.getIndex() + "]" : r.getFieldName())
                .reduce((a, b) -> a + "." + b).orElse(null);
        String detail = field == null ? "The request body does not have the expected shape (a JSON object)."
                : e instanceof UnrecognizedPropertyException ? "The field '" + field + "' is not known here."
                : "The field '" + field + "' has the wrong type.";
        List<Problem.InvalidParam> params = field == null ? null : List.of(new Problem.InvalidParam(field,
                e instanceof UnrecognizedPropertyException ? "unknown field" : "wrong type"));
        return respond(request, 400, "Malformed JSON", detail, params, null);
    }

    @ServerExceptionMapper
    public Response webApplication(WebApplicationException e, HttpServerRequest request) {
        int status = e.getResponse().getStatus();
        if (status >= 500) {
            return unexpected(e, request);
        }
        if (e.getCause() instanceof JsonProcessingException json) {
            return malformedJson(json, request);
        }
        return respond(request, status, title(status), describe(status), null, null);
    }

    /**
     * A customer-only resource without a signed-in customer: pages go to the sign-in page (as the session mechanism's
     * challenge does), the API answers 401 with a problem body saying so rather than an empty one.
     */
    @ServerExceptionMapper
    public Response unauthorized(io.quarkus.security.UnauthorizedException e, HttpServerRequest request) {
        if (!wantsProblemJson(request.path())) {
            return Redirects.found("/account/sign-in");
        }
        return respond(request, 401, "Sign-in required", "Sign in first: this is only for signed-in customers.", null, null);
    }

    /** Signed in, but without the role a resource needs (a customer opening the back office). */
    @ServerExceptionMapper
    public Response forbidden(io.quarkus.security.ForbiddenException e, HttpServerRequest request) {
        return respond(request, 403, title(403), "Your account is not allowed to open this page.", null, null);
    }

    @ServerExceptionMapper
    public Response unexpected(Throwable e, HttpServerRequest request) {
        if (DatabaseOutage.causedBy(e)) {
            LOG.warnf("Database out of reach on %s %s: %s", request.method(), request.path(), e.getMessage());
            return domain(DatabaseOutage.orderingPaused(), request);
        }
        if (overloaded(e)) {
            LOG.warnf("Overloaded on %s %s: %s", request.method(), request.path(), e.getMessage());
            Response busy = respond(request, 503, "Busy", "The shop is very busy right now. Please try again in a moment.", null, null);
            return Response.fromResponse(busy).header("Retry-After", 2).build();
        }
        String incident = UUID.randomUUID().toString().substring(0, 8);
        LOG.errorf(e, "Unexpected error on %s %s (incident %s)", request.method(), request.path(), incident);
        return respond(request, 500, "Something went wrong",
                "We could not complete this request. Please try again in a moment.", null, incident);
    }

    /**
     * A connection pool (Redis, PostgreSQL) had nothing free in time, Redis did not answer within quarkus.redis.timeout,
     * or PostgreSQL rolled the transaction back to break a lock cycle or a serialization conflict (SQLSTATE 40P01,
     * 40001; nothing was written, and the same request again goes through): a moment of contention or overload (or an
     * outage), not a bug in the request.
     */
    private static boolean overloaded(Throwable e) {
        for (Throwable t = e; t != null; t = t.getCause()) {
            if (t instanceof io.vertx.core.http.ConnectionPoolTooBusyException || t instanceof io.smallrye.mutiny.TimeoutException
                    || (t instanceof java.sql.SQLException sql && (String.valueOf(sql.getMessage()).contains("acquisition timeout")
                            || ROLLED_BACK_TO_RETRY.contains(String.valueOf(sql.getSQLState()))))) {
                return true;
            }
        }
        return false;
    }

    /** Also used for paths no resource matches at all. */
    static Response notFoundResponse(HttpServerRequest request, String message) {
        String detail = message == null ? "We could not find the page you asked for." : message;
        return respond(request, 404, title(404), detail, null, null);
    }

    /** For failures the web server answers before any resource runs (bad URL, body too large, …). */
    static Response frameworkResponse(HttpServerRequest request, int status, String detail) {
        return status == 404 ? notFoundResponse(request, detail)
                : respond(request, status, title(status), detail == null ? describe(status) : detail, null, null);
    }

    static boolean wantsProblemJson(String path) {
        return path.startsWith("/api/");
    }

    private static Response respond(HttpServerRequest request, int status, String title, String detail,
            List<Problem.InvalidParam> params, String incident) {
        if (wantsProblemJson(request.path())) {
            Problem problem = new Problem("about:blank", title, status, detail, request.path(), params);
            return Response.status(status).type(Problem.MEDIA_TYPE).entity(problem).build();
        }
        return Response.status(status).type(MediaType.TEXT_HTML_TYPE.withCharset("UTF-8"))
                .entity(Templates.error(status, title, detail, incident)).build();
    }

    /** Page and problem titles in plain words rather than HTTP reason phrases. */
    static String title(int status) {
        return switch (status) {
            case 400 -> "Invalid request";
            case 401 -> "Please sign in";
            case 403 -> "Not allowed";
            case 404 -> "Not found";
            case 405, 406, 415 -> "Not supported";
            case 409 -> "That did not work";
            case 413, 414, 431 -> "Too large";
            case 429 -> "Too many attempts";
            case 503 -> "Unavailable for a moment";
            default -> status >= 500 ? "Something went wrong" : "Request refused";
        };
    }

    static String describe(int status) {
        return switch (status) {
            case 405 -> "This address does not accept that kind of request.";
            case 406 -> "We cannot answer in the format the request asked for.";
            case 413 -> "The request is too large.";
            case 414 -> "The address is too long.";
            case 431 -> "The request headers are too large.";
            case 400 -> "The request could not be read. Check the address or form and try again.";
            case 415 -> "The request body is in a format this address does not accept.";
            default -> "The request could not be processed.";
        };
    }

    private static String lastNode(String path) {
        int dot = path.lastIndexOf('.');
        return dot < 0 ? path : path.substring(dot + 1);
    }
}
