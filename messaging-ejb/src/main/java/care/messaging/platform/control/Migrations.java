package care.messaging.platform.control;

import javax.sql.DataSource;
import org.flywaydb.core.Flyway;

/** The application's Flyway setup, shared by the start-up migration and the schema owner's command line. */
public final class Migrations {

    private Migrations() {
    }

    public static Flyway of(DataSource dataSource) {
        return Flyway.configure(Migrations.class.getClassLoader())
                .dataSource(dataSource)
                .locations("classpath:db/migration")
                .load();
    }

    public static Flyway of(String url, String user, String password) {
        return Flyway.configure(Migrations.class.getClassLoader())
                .dataSource(url, user, password)
                .locations("classpath:db/migration")
                .load();
    }
}
