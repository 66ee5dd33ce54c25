package shop.storefront.account.internal.service;

import io.quarkus.runtime.Startup;
import jakarta.enterprise.context.ApplicationScoped;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.Locale;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * The most common passwords (resource {@value #RESOURCE}, source and licence in its header), read once at start-up
 * so a missing or broken list stops the start rather than letting every password through.
 */
@Startup
@ApplicationScoped
class CommonPasswords {

    static final String RESOURCE = "account/common-passwords.txt";

    private final Set<String> lowerCase;

    CommonPasswords() {
        this.lowerCase = load();
    }

    /** Whether the password, ignoring case, is on the list. */
    boolean contains(String password) {
        return lowerCase.contains(password.toLowerCase(Locale.ROOT));
    }

    private static Set<String> load() {
        InputStream in = CommonPasswords.class.getClassLoader().getResourceAsStream(RESOURCE);
        if (in == null) {
            throw new IllegalStateException("The common-password list " + RESOURCE + " is missing from the application");
        }
        try (BufferedReader reader = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8))) {
            Set<String> passwords = reader.lines().filter(line -> !line.isBlank() && !line.startsWith("#"))
                    .map(line -> line.strip().toLowerCase(Locale.ROOT)).collect(Collectors.toUnmodifiableSet());
            if (passwords.size() < 10_000) {
                throw new IllegalStateException("The common-password list " + RESOURCE + " has only " + passwords.size() + " entries");
            }
            return passwords;
        } catch (IOException e) {
            throw new UncheckedIOException("Could not read " + RESOURCE, e);
        }
    }
}
