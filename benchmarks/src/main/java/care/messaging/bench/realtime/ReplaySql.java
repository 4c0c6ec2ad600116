package care.messaging.bench.realtime;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.util.regex.Pattern;

/**
 * A native query of the application, with JPA's numbered parameters turned into JDBC's in order of appearance, and
 * the plain-JDBC helpers the replay issues statements with (a {@code ReplaySql} or a literal SQL string).
 */
record ReplaySql(String jdbc, int[] order) {

    private static final Pattern NUMBERED = Pattern.compile("\\?(\\d+)");

    ReplaySql(String jpa) {
        this(NUMBERED.matcher(jpa).replaceAll("?"), NUMBERED.matcher(jpa).results().mapToInt(m -> Integer.parseInt(m.group(1))).toArray());
    }

    /** The constant of that name in the application's class: the replay issues what the application does. */
    static ReplaySql of(Class<?> owner, String name) {
        try {
            var field = owner.getDeclaredField(name);
            field.setAccessible(true);
            return new ReplaySql((String) field.get(null));
        } catch (ReflectiveOperationException e) {
            throw new IllegalStateException(owner.getSimpleName() + "." + name + " is gone: the replay no longer matches the application", e);
        }
    }

    PreparedStatement prepare(Connection c, Object... byNumber) throws SQLException {
        var statement = c.prepareStatement(jdbc);
        for (int i = 0; i < order.length; i++) {
            statement.setObject(i + 1, byNumber[order[i] - 1]);
        }
        return statement;
    }

    static void query(Connection c, Object sql, Object... parameters) throws SQLException {
        try (var statement = statement(c, sql, parameters); var rows = statement.executeQuery()) {
            while (rows.next()) {
                rows.getObject(1);
            }
        }
    }

    static void update(Connection c, Object sql, Object... parameters) throws SQLException {
        try (var statement = statement(c, sql, parameters)) {
            statement.executeUpdate();
        }
    }

    static PreparedStatement statement(Connection c, Object sql, Object... parameters) throws SQLException {
        if (sql instanceof ReplaySql numbered) {
            return numbered.prepare(c, parameters);
        }
        var statement = c.prepareStatement((String) sql);
        for (int i = 0; i < parameters.length; i++) {
            statement.setObject(i + 1, parameters[i]);
        }
        return statement;
    }
}
