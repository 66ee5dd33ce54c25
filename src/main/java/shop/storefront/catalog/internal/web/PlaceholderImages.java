package shop.storefront.catalog.internal.web;

import jakarta.ws.rs.GET;
import jakarta.ws.rs.NotFoundException;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.CacheControl;
import jakarta.ws.rs.core.Response;
import java.util.regex.Pattern;

/**
 * Draws the demo catalog's product images as SVG, so a fresh checkout shows pictures without any image
 * files. The picture comes from the path alone ({@code /media/placeholder/<kind>/<rrggbb>.svg}); both parts
 * are validated against strict patterns, so nothing a client sends reaches the SVG unchecked.
 */
@Path("/media/placeholder")
public class PlaceholderImages {

    private static final Pattern KIND = Pattern.compile("[a-z0-9-]{1,40}");
    private static final Pattern COLOUR = Pattern.compile("[0-9a-f]{6}");

    @GET
    @Path("{kind}/{colour}.svg")
    @Produces("image/svg+xml")
    public Response image(@PathParam("kind") String kind, @PathParam("colour") String colour) {
        if (!KIND.matcher(kind).matches() || !COLOUR.matcher(colour).matches()) {
            throw new NotFoundException();
        }
        String label = kind.replace('-', ' ');
        String svg = """
                <svg xmlns="http://www.w3.org/2000/svg" width="560" height="560" viewBox="0 0 560 560" role="img">
                  <rect width="560" height="560" fill="#%1$s"/>
                  <circle cx="280" cy="240" r="120" fill="#ffffff" fill-opacity="0.18"/>
                  <text x="280" y="430" font-family="sans-serif" font-size="34" text-anchor="middle" fill="#ffffff" fill-opacity="0.9">%2$s</text>
                </svg>
                """.formatted(colour, label);
        CacheControl cache = new CacheControl();
        cache.setMaxAge(86_400);
        return Response.ok(svg).cacheControl(cache).build();
    }
}
