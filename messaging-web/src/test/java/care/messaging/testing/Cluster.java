package care.messaging.testing;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.KeyPairGenerator;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.util.Base64;
import java.util.List;

/**
 * What multi-node tests share: a database of their own on the machine's PostgreSQL, and the Micro options of
 * a node with the dev login and demo data. Tests that restart the database use a {@link PrivatePostgres}.
 */
public final class Cluster {

    static final Path TARGET = Path.of(System.getProperty("messaging.it.micro-jar")).getParent();
    public static final String ISSUER = "https://cluster-tests.invalid/care-messaging";

    private Cluster() {
    }

    /** -D options of a node: the test keystore, the dev login with its own key pair, demo data, plus extras. */
    public static List<String> nodeOptions(String name, List<String> extra) throws IOException, GeneralSecurityException {
        var keys = devLoginKeys(name);
        var options = new java.util.ArrayList<>(List.of("-Dmessaging.keys.keystore=" + System.getProperty("messaging.it.keystore"),
                "-Dmessaging.dev.login=true", "-Dmessaging.demo.data=true",
                "-Dmessaging.dev.jwt.private-key.location=" + keys[0],
                "-Dmp.jwt.verify.publickey.location=" + keys[1].toUri(),
                "-Dmp.jwt.verify.issuer=" + ISSUER));
        options.addAll(extra);
        return options;
    }

    /** A dev-login key pair: [private PKCS#8 PEM, public PEM]. */
    static Path[] devLoginKeys(String name) throws IOException, GeneralSecurityException {
        var privatePem = TARGET.resolve(name + "-private.pem");
        var publicPem = TARGET.resolve(name + "-public.pem");
        if (Files.exists(privatePem) && Files.exists(publicPem)) {
            return new Path[] {privatePem, publicPem};
        }
        var generator = KeyPairGenerator.getInstance("RSA");
        generator.initialize(2048);
        var pair = generator.generateKeyPair();
        var encoder = Base64.getMimeEncoder(64, "\n".getBytes(StandardCharsets.US_ASCII));
        Files.writeString(privatePem, "-----BEGIN PRIVATE KEY-----\n" + encoder.encodeToString(pair.getPrivate().getEncoded())
                + "\n-----END PRIVATE KEY-----\n");
        Files.writeString(publicPem, "-----BEGIN PUBLIC KEY-----\n" + encoder.encodeToString(pair.getPublic().getEncoded())
                + "\n-----END PUBLIC KEY-----\n");
        return new Path[] {privatePem, publicPem};
    }

    /**
     * A token as the identity provider would issue it to a person the directory may not know yet, signed with
     * the node's dev-login key: any subject, any provider roles, 15 minutes.
     */
    public static String providerToken(String name, String subject, List<String> groups) {
        try {
            var pem = Files.readString(devLoginKeys(name)[0]).replaceAll("-----[A-Z ]+-----", "").replaceAll("\\s", "");
            var key = java.security.KeyFactory.getInstance("RSA")
                    .generatePrivate(new java.security.spec.PKCS8EncodedKeySpec(Base64.getDecoder().decode(pem)));
            var now = java.time.Instant.now();
            var claims = new com.nimbusds.jwt.JWTClaimsSet.Builder().issuer(ISSUER).audience("care-messaging").subject(subject)
                    .claim("groups", groups).issueTime(java.util.Date.from(now))
                    .expirationTime(java.util.Date.from(now.plusSeconds(900))).jwtID(java.util.UUID.randomUUID().toString()).build();
            var jwt = new com.nimbusds.jwt.SignedJWT(new com.nimbusds.jose.JWSHeader.Builder(com.nimbusds.jose.JWSAlgorithm.RS256)
                    .type(com.nimbusds.jose.JOSEObjectType.JWT).build(), claims);
            jwt.sign(new com.nimbusds.jose.crypto.RSASSASigner(key));
            return jwt.serialize();
        } catch (IOException | GeneralSecurityException | com.nimbusds.jose.JOSEException e) {
            throw new IllegalStateException("Cannot sign a provider-like token", e);
        }
    }

    public static void admin(String sql) throws SQLException {
        try (var c = DriverManager.getConnection(url("postgres"), System.getenv("DB_USER"), System.getenv("DB_PASSWORD"));
             var s = c.createStatement()) {
            s.execute(sql);
        }
    }

    public static String url(String database) {
        return "jdbc:postgresql://" + System.getenv("DB_HOST") + ":" + System.getenv("DB_PORT") + "/" + database;
    }
}
