package care.messaging.system;

import java.util.List;

/**
 * Whoever signs the tokens a domain accepts, as far as setup.sh and MicroProfile Config are told about it:
 * the stand-in {@link IdentityProvider} (a PEM key on disk) or a real Keycloak realm ({@link KeycloakRealm},
 * its JWKS URL). A domain is configured for exactly one.
 */
interface TokenIssuer {

    /** {@code mp.jwt.verify.issuer}. */
    String issuer();

    /** {@code mp.jwt.verify.audiences}. */
    String audience();

    /** {@code mp.jwt.verify.publickey.location}: a PEM file's URL, or the provider's JWKS URL. */
    String publicKeyLocation();

    /** Further configuration keys as {@code key=value}, for setup.sh's MESSAGING_PROPERTIES. */
    default List<String> properties() {
        return List.of();
    }

    /** Blocks until the issuer serves its keys; the stand-in's are on disk from the start. */
    default void awaitReady() {
    }

    /** Stops whatever the issuer runs. */
    default void close() {
    }
}
