package care.messaging.platform.boundary;

import care.messaging.platform.control.Migrations;

/**
 * The schema owner's command line (config/database/migrate.sh runs it with the release's jars): migrates
 * the database the application will then use as a role that does not own the tables.
 * Environment: DB_URL (jdbc:postgresql://…), DB_USER, DB_PASSWORD.
 */
public final class SchemaTool {

    private SchemaTool() {
    }

    public static void main(String[] args) {
        var url = required("DB_URL");
        var user = required("DB_USER");
        var password = System.getenv().getOrDefault("DB_PASSWORD", "");
        var result = Migrations.of(url, user, password).migrate();
        System.out.println("Schema at version " + result.targetSchemaVersion + " (" + result.migrationsExecuted
                + " migrations applied)");
    }

    static String required(String name) {
        var value = System.getenv(name);
        if (value == null || value.isEmpty()) {
            System.err.println("SchemaTool: set " + name);
            System.exit(2);
        }
        return value;
    }
}
