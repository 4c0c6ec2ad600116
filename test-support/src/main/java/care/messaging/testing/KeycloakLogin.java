package care.messaging.testing;

import jakarta.json.JsonObject;
import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.time.Duration;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/**
 * Signs a realm user in the way the browser apps do, without a browser: Authorization Code with PKCE
 * (S256) through Keycloak's own login form, then the code exchanged at the token endpoint. For API tests
 * that need real provider tokens of a given client; the password grant is off for every client (RFC 9700).
 */
public final class KeycloakLogin {

    private static final Pattern FORM_ACTION = Pattern.compile("<form[^>]*id=\"kc-form-login\"[^>]*action=\"([^\"]+)\"|<form[^>]*action=\"([^\"]+)\"[^>]*id=\"kc-form-login\"");
    private static final SecureRandom RANDOM = new SecureRandom();

    private KeycloakLogin() {
    }

    /** The access token of a sign-in of this user at this client, failing unchecked. */
    public static String accessToken(Keycloak keycloak, String clientId, String redirectUri, String username) {
        try {
            return tokens(keycloak, clientId, redirectUri, username).getString("access_token");
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    /** The token response (access_token, refresh_token, id_token, expires_in) of a sign-in of this user at this client. */
    public static JsonObject tokens(Keycloak keycloak, String clientId, String redirectUri, String username) throws IOException, InterruptedException {
        return tokens(keycloak.issuer(), clientId, redirectUri, username, random());
    }

    /**
     * The token response of a sign-in at the realm of this issuer (one of the Keycloak's realms), with the nonce
     * given, which the realm puts into the ID token as a browser's sign-in would have it.
     */
    public static JsonObject tokens(String issuer, String clientId, String redirectUri, String username, String nonce)
            throws IOException, InterruptedException {
        var http = HttpClient.newBuilder().followRedirects(HttpClient.Redirect.NEVER).connectTimeout(Duration.ofSeconds(5)).build();
        var cookies = new LinkedHashMap<String, String>();
        var verifier = random();
        var state = random();
        var authorize = issuer + "/protocol/openid-connect/auth?" + form(Map.of("client_id", clientId,
                "redirect_uri", redirectUri, "response_type", "code", "scope", "openid", "state", state, "nonce", nonce,
                "code_challenge", challenge(verifier), "code_challenge_method", "S256"));
        var page = http.send(HttpRequest.newBuilder(URI.create(authorize)).build(), HttpResponse.BodyHandlers.ofString());
        keep(cookies, page);
        var action = FORM_ACTION.matcher(page.body());
        if (page.statusCode() != 200 || !action.find()) {
            throw new IllegalStateException("no login form from Keycloak: HTTP " + page.statusCode());
        }
        var loginUrl = (action.group(1) != null ? action.group(1) : action.group(2)).replace("&amp;", "&");
        var login = http.send(HttpRequest.newBuilder(URI.create(loginUrl)).header("Content-Type", "application/x-www-form-urlencoded")
                .header("Cookie", cookies.entrySet().stream().map(c -> c.getKey() + "=" + c.getValue()).collect(Collectors.joining("; ")))
                .POST(HttpRequest.BodyPublishers.ofString(form(Map.of("username", username, "password", Keycloak.PASSWORD, "credentialId", ""))))
                .build(), HttpResponse.BodyHandlers.ofString());
        var location = login.headers().firstValue("Location").orElseThrow(
                () -> new IllegalStateException("Keycloak did not sign " + username + " in: HTTP " + login.statusCode()));
        var answer = query(URI.create(location).getRawQuery());
        if (!state.equals(answer.get("state")) || answer.get("code") == null) {
            throw new IllegalStateException("no code for the state sent: " + answer.keySet());
        }
        var exchange = http.send(HttpRequest.newBuilder(URI.create(issuer + "/protocol/openid-connect/token"))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString(form(Map.of("grant_type", "authorization_code", "code", answer.get("code"),
                        "redirect_uri", redirectUri, "client_id", clientId, "code_verifier", verifier))))
                .build(), HttpResponse.BodyHandlers.ofString());
        if (exchange.statusCode() != 200) {
            throw new IllegalStateException("code exchange refused: HTTP " + exchange.statusCode() + " " + exchange.body());
        }
        return Keycloak.json(exchange.body());
    }

    /**
     * Keycloak's session cookies, kept by hand: they are marked Secure, which a browser honours on a loopback
     * address over http but java.net's CookieManager never sends without TLS.
     */
    static void keep(Map<String, String> cookies, HttpResponse<?> reply) {
        for (var header : reply.headers().allValues("Set-Cookie")) {
            var pair = header.split(";", 2)[0];
            var at = pair.indexOf('=');
            if (at > 0) {
                cookies.put(pair.substring(0, at).strip(), pair.substring(at + 1).strip());
            }
        }
    }

    static String random() {
        var bytes = new byte[32];
        RANDOM.nextBytes(bytes);
        return Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
    }

    static String challenge(String verifier) {
        try {
            var digest = MessageDigest.getInstance("SHA-256").digest(verifier.getBytes(StandardCharsets.US_ASCII));
            return Base64.getUrlEncoder().withoutPadding().encodeToString(digest);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    static String form(Map<String, String> fields) {
        return fields.entrySet().stream()
                .map(e -> e.getKey() + "=" + URLEncoder.encode(e.getValue(), StandardCharsets.UTF_8))
                .collect(Collectors.joining("&"));
    }

    static Map<String, String> query(String raw) {
        var fields = new LinkedHashMap<String, String>();
        for (var pair : (raw == null ? "" : raw).split("&")) {
            var at = pair.indexOf('=');
            if (at > 0) {
                fields.put(pair.substring(0, at), java.net.URLDecoder.decode(pair.substring(at + 1), StandardCharsets.UTF_8));
            }
        }
        return fields;
    }
}
