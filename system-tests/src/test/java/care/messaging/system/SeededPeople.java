package care.messaging.system;

import java.sql.DriverManager;
import java.sql.SQLException;
import java.util.UUID;

/**
 * Directory rows a test makes for itself with SQL, standing in for the admin tools that do not exist yet:
 * people no other test uses, so a test may disable, discharge or exhaust them without touching the demo
 * data the other classes share. Display names are the caller's choice; usernames and subjects are fresh.
 */
final class SeededPeople {

    /** A signed-up account: a practitioner, or a portal account of a client or guardian. */
    record Person(UUID id, String subject, String role, String displayName) implements Caller {
    }

    record Client(UUID id, String displayName) {
    }

    private final String url;
    private final String user;
    private final String password;

    SeededPeople(String url, String user, String password) {
        this.url = url;
        this.user = user;
        this.password = password;
    }

    Person practitioner(String practice, String displayName) {
        return practitioner(practice, displayName, UUID.randomUUID());
    }

    /** A practitioner with the id the test chooses (where the uuids' order matters to what it proves). */
    Person practitioner(String practice, String displayName, UUID id) {
        return account(practice(practice), "practitioner", displayName, id);
    }

    /** A practice of its own (a fresh name, answered), for tests that switch practice-wide settings. */
    String practice() {
        var name = "System Test Practice " + UUID.randomUUID();
        update("INSERT INTO practice (id, name) VALUES (?, ?)", UUID.randomUUID(), name);
        return name;
    }

    Person admin(String practice, String displayName) {
        return account(practice(practice), "admin", displayName);
    }

    /**
     * A portal account acting for the client that has not signed up: no subject links a token to it yet.
     * The answered person carries the subject a test may activate it with.
     */
    Person waitingPortal(Client client, String relationship, String displayName) {
        var practice = (UUID) value("SELECT practice_id FROM client WHERE id = ?", client.id());
        var id = UUID.randomUUID();
        update("INSERT INTO account (id, practice_id, username, role, display_name) VALUES (?, ?, ?, 'client', ?)",
                id, practice, "sys-" + id, displayName);
        update("INSERT INTO client_account (client_id, account_id, relationship) VALUES (?, ?, ?)",
                client.id(), id, relationship);
        return new Person(id, "idp-" + id, "client", displayName);
    }

    Client client(String practice, String displayName, boolean minor) {
        var id = UUID.randomUUID();
        update("INSERT INTO client (id, practice_id, display_name, minor) VALUES (?, ?, ?, ?)",
                id, practice(practice), displayName, minor);
        return new Client(id, displayName);
    }

    /** A signed-up portal account acting for the client, as "self" or "guardian". */
    Person portal(Client client, String relationship, String displayName) {
        var practice = (UUID) value("SELECT practice_id FROM client WHERE id = ?", client.id());
        var person = account(practice, "client", displayName);
        update("INSERT INTO client_account (client_id, account_id, relationship) VALUES (?, ?, ?)",
                client.id(), person.id(), relationship);
        return person;
    }

    /** An existing portal account acts for one more client (a guardian of a second child). */
    void link(Client client, Person account, String relationship) {
        update("INSERT INTO client_account (client_id, account_id, relationship) VALUES (?, ?, ?)",
                client.id(), account.id(), relationship);
    }

    /** The account now stands for this subject at the identity provider (a real provider's user id, say). */
    Person withSubject(Person person, String subject) {
        update("UPDATE account SET subject = ?, username = ? WHERE id = ?", subject, subject, person.id());
        return new Person(person.id(), subject, person.role(), person.displayName());
    }

    /** The member left: their account is switched off, their tokens stay valid as they would in real life. */
    void disable(Person person) {
        update("UPDATE account SET enabled = false WHERE id = ?", person.id());
    }

    void discharge(Client client) {
        update("UPDATE client SET enabled = false WHERE id = ?", client.id());
    }

    long count(String sql, Object... parameters) {
        return ((Number) value(sql, parameters)).longValue();
    }

    private UUID practice(String name) {
        return (UUID) value("SELECT id FROM practice WHERE name = ?", name);
    }

    private Person account(UUID practice, String role, String displayName) {
        return account(practice, role, displayName, UUID.randomUUID());
    }

    private Person account(UUID practice, String role, String displayName, UUID id) {
        var subject = "sys-" + id;
        update("INSERT INTO account (id, practice_id, username, subject, role, display_name, signed_up_at) "
                + "VALUES (?, ?, ?, ?, ?, ?, now())", id, practice, subject, subject, role, displayName);
        return new Person(id, subject, role, displayName);
    }

    private void update(String sql, Object... parameters) {
        run(sql, parameters, false);
    }

    private Object value(String sql, Object... parameters) {
        return run(sql, parameters, true);
    }

    private Object run(String sql, Object[] parameters, boolean query) {
        try (var connection = DriverManager.getConnection(url, user, password);
             var statement = connection.prepareStatement(sql)) {
            for (int i = 0; i < parameters.length; i++) {
                statement.setObject(i + 1, parameters[i]);
            }
            if (!query) {
                return statement.executeUpdate();
            }
            try (var rows = statement.executeQuery()) {
                if (!rows.next()) {
                    throw new IllegalStateException("No row for " + sql);
                }
                return rows.getObject(1);
            }
        } catch (SQLException e) {
            throw new IllegalStateException(sql + " failed", e);
        }
    }
}
