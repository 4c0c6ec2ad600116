package care.messaging.platform.rest;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import jakarta.json.Json;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.eclipse.microprofile.jwt.JsonWebToken;
import org.junit.jupiter.api.Test;

class IdentityProviderTest {

    /** A verified token as Payara hands it over: groups as a set of strings, other claims as JSON values or strings. */
    record Token(Map<String, Object> claims) implements JsonWebToken {
        @Override
        public String getName() {
            return (String) claims.get("sub");
        }

        @Override
        public Set<String> getClaimNames() {
            return claims.keySet();
        }

        @Override
        @SuppressWarnings("unchecked")
        public <T> T getClaim(String name) {
            return (T) claims.get(name);
        }
    }

    static IdentityProvider settings(Map<String, String> config) {
        return IdentityProvider.of(key -> Optional.ofNullable(config.get(key)));
    }

    @Test
    void withoutAMappingTheGroupsAreTheDirectoryRolesAsTheDevLoginMintsThem() {
        var identity = settings(Map.of()).identity(new Token(Map.of("sub", "dr.rivera", "groups", Set.of("practitioner"))));
        assertEquals("dr.rivera", identity.subject());
        assertEquals(Set.of("practitioner"), identity.groups());
    }

    @Test
    void providerRolesMapToDirectoryRolesAndOthersAreDropped() {
        var keycloak = settings(Map.of("messaging.identity.roles.practitioner", "clinician, locum",
                "messaging.identity.roles.client", "patient"));
        assertEquals(Set.of("practitioner"), keycloak.identity(new Token(Map.of("sub", "a",
                "groups", Set.of("locum", "offline_access", "default-roles-care")))).groups());
        assertEquals(Set.of("client"), keycloak.identity(new Token(Map.of("sub", "b", "groups", Set.of("patient")))).groups());
        assertEquals(Set.of(), keycloak.identity(new Token(Map.of("sub", "c", "groups", Set.of("practitioner")))).groups(),
                "the directory's own name is no role once the provider's names are configured");
    }

    @Test
    void rolesCanSitInsideAnObjectOrInAnotherClaim() {
        var realmRoles = settings(Map.of("messaging.identity.roles-claim", "realm_access.roles",
                "messaging.identity.roles.admin", "practice-admin"));
        var nested = Json.createObjectBuilder().add("roles", Json.createArrayBuilder().add("practice-admin").add("uma_authorization")).build();
        assertEquals(Set.of("admin"), realmRoles.identity(new Token(Map.of("sub", "a", "realm_access", nested))).groups());

        var entra = settings(Map.of("messaging.identity.roles-claim", "roles", "messaging.identity.subject-claim", "oid",
                "messaging.identity.roles.operator", "Messaging.Operator"));
        var identity = entra.identity(new Token(Map.of("sub", "pairwise-per-app", "oid", "5d3f0c1e",
                "roles", Json.createArrayBuilder().add("Messaging.Operator").build())));
        assertEquals("5d3f0c1e", identity.subject());
        assertEquals(Set.of("operator"), identity.groups());
        assertEquals(Set.of("operator"), entra.identity(new Token(Map.of("sub", "s", "roles", "Messaging.Operator"))).groups(),
                "a single role may come as one string");
    }

    @Test
    void aTokenWithoutTheSubjectClaimHasNoSubjectAndOneWithoutRolesNoRoles() {
        var identity = settings(Map.of("messaging.identity.subject-claim", "oid")).identity(new Token(Map.of("sub", "x")));
        assertNull(identity.subject());
        assertTrue(identity.groups().isEmpty());
    }

    @Test
    void theAppsSignInThroughTheProviderOnlyWhenBothClientIdsAreSet() {
        assertFalse(settings(Map.of("mp.jwt.verify.issuer", "https://idp.example/realms/care",
                "messaging.identity.client-id.practitioner", "care-practitioner-app")).signIn().isPresent());
        var configured = settings(Map.of("mp.jwt.verify.issuer", "https://idp.example:8443/realms/care",
                "messaging.identity.client-id.practitioner", "care-practitioner-app",
                "messaging.identity.client-id.portal", "care-portal"));
        assertEquals(new IdentityProvider.SignIn("https://idp.example:8443/realms/care", "care-practitioner-app", "care-portal", "openid"),
                configured.signIn().orElseThrow());
        assertEquals(Optional.of("https://idp.example:8443"), configured.origin());
    }

    @Test
    void thePagesMayCallTheProviderAndNothingElseBeyondTheirOrigin() {
        assertTrue(SecurityHeaders.csp(Optional.empty()).endsWith("connect-src 'self'"));
        assertTrue(SecurityHeaders.csp(Optional.of("https://idp.example:8443")).endsWith("connect-src 'self' https://idp.example:8443"));
    }

    @Test
    void theEmailCountsOnlyWhenTheProviderSaysItVerifiedIt() {
        var provider = settings(Map.of());
        assertEquals("ana@example.org", provider.identity(new Token(Map.of("sub", "a", "email", Json.createValue("Ana@Example.org"),
                "email_verified", jakarta.json.JsonValue.TRUE))).verifiedEmail(), "lower-cased, as account.email is kept");
        assertEquals("ana@example.org", provider.identity(new Token(Map.of("sub", "a", "email", "ana@example.org",
                "email_verified", Boolean.TRUE))).verifiedEmail());
        assertNull(provider.identity(new Token(Map.of("sub", "a", "email", "ana@example.org",
                "email_verified", jakarta.json.JsonValue.FALSE))).verifiedEmail(), "unverified");
        assertNull(provider.identity(new Token(Map.of("sub", "a", "email", "ana@example.org"))).verifiedEmail(),
                "email_verified missing, as Entra ID's tokens have it");
    }

    @Test
    void theMappedClaimIsReadOnlyWhenITNamedOne() {
        var claims = Map.<String, Object>of("sub", "a", "employee_id", Json.createValue("E-1042"));
        assertNull(settings(Map.of()).identity(new Token(claims)).mappedClaim(), "off by default");
        assertNull(settings(Map.of("messaging.identity.bind-claim", "")).identity(new Token(claims)).mappedClaim(), "empty is off");
        assertEquals("E-1042", settings(Map.of("messaging.identity.bind-claim", "employee_id")).identity(new Token(claims)).mappedClaim());
    }
}
