package care.messaging.bench.realtime;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

/**
 * The benchmark's own directory, written with SQL into the empty database after the application has
 * migrated it: practices, practitioners, clients with a signed-up portal account each (subject = username,
 * which is what the dev login signs), and empty conversations. Messages are never seeded: bodies are
 * encrypted by the application, so every message goes through the API.
 * <ul>
 * <li>spread: {@code senders} practices with one practitioner each, the socket clients shared out among them
 * (the audit trail is one hash chain per practice, so senders in different practices do not queue on it);</li>
 * <li>one practice: {@code senders} practitioners in a single practice, each with a few socket clients
 * (every send appends to the same audit chain: the limit that layout hits);</li>
 * <li>two more clients without sockets, in the first spread practice: one that reconnects (B6) and one that
 * polls (B8);</li>
 * <li>replay: {@code senders} more practices like the spread ones, with {@link #REPLAY_CONVERSATIONS} clients
 * each and no sockets, for the send transaction replayed over JDBC ({@link SendReplay}), whose events must not
 * reach the watched sockets.</li>
 * </ul>
 */
final class Seed {

    /** A portal account (one client's own) and its username for the dev login. */
    record Portal(UUID account, String username) {
    }

    /** A conversation and the portal account that receives what the practitioner sends in it. */
    record Target(UUID conversation, Portal recipient) {
    }

    /** A practitioner who sends, and the conversations it sends into (round-robin). */
    record Sender(UUID account, String username, UUID practice, List<Target> targets) {
    }

    record Layout(List<Sender> spread, List<Sender> onePractice, List<Portal> socketPortals, Sender reconnectSender,
                  Target reconnect, Sender pollSender, Target poll, List<Sender> replay) {
    }

    /** Conversations per replay sender: many, so that each holds few unread messages, as B1's do. */
    static final int REPLAY_CONVERSATIONS = 128;

    private final Connection c;
    private int clients;

    private Seed(Connection c) {
        this.c = c;
    }

    static Layout seed(Connection connection, int senders, int sockets) throws SQLException {
        var oneClients = Math.min(64, Math.max(senders, sockets / 16));
        var spreadClients = sockets - oneClients;
        if (spreadClients < senders) {
            throw new IllegalArgumentException("at least " + (senders + oneClients) + " sockets are needed for " + senders + " senders");
        }
        connection.setAutoCommit(false);
        var seed = new Seed(connection);
        var portals = new ArrayList<Portal>();
        var spread = new ArrayList<Sender>();
        for (int p = 0; p < senders; p++) {
            var practice = seed.practice("Bench spread " + p);
            var share = spreadClients / senders + (p < spreadClients % senders ? 1 : 0);
            spread.add(seed.sender(practice, "bench.s" + p + ".dr", share, portals));
        }
        var solo = seed.practice("Bench one practice");
        var onePractice = new ArrayList<Sender>();
        for (int s = 0; s < senders; s++) {
            var share = oneClients / senders + (s < oneClients % senders ? 1 : 0);
            onePractice.add(seed.sender(solo, "bench.o" + s + ".dr", share, portals));
        }
        var reconnect = seed.sender(spread.get(0).practice(), "bench.reconnect.dr", 1, new ArrayList<>());
        var poll = seed.sender(spread.get(spread.size() > 1 ? 1 : 0).practice(), "bench.poll.dr", 1, new ArrayList<>());
        var replay = new ArrayList<Sender>();
        for (int p = 0; p < senders; p++) {
            replay.add(seed.sender(seed.practice("Bench replay " + p), "bench.r" + p + ".dr", REPLAY_CONVERSATIONS, new ArrayList<>()));
        }
        connection.commit();
        connection.setAutoCommit(true);
        return new Layout(spread, onePractice, portals, reconnect, reconnect.targets().get(0), poll, poll.targets().get(0), replay);
    }

    UUID practice(String name) throws SQLException {
        var id = UUID.randomUUID();
        execute("INSERT INTO practice (id, name) VALUES (?, ?)", id, name);
        return id;
    }

    /** A practitioner and {@code count} clients, each with a portal account and a conversation with it. */
    Sender sender(UUID practice, String username, int count, List<Portal> portals) throws SQLException {
        var practitioner = account(practice, username, "practitioner", "Dr. " + username);
        var targets = new ArrayList<Target>();
        try (var client = c.prepareStatement("INSERT INTO client (id, practice_id, display_name) VALUES (?, ?, ?)");
             var account = c.prepareStatement("INSERT INTO account (id, practice_id, username, subject, role, display_name, signed_up_at)"
                     + " VALUES (?, ?, ?, ?, 'client', ?, now())");
             var link = c.prepareStatement("INSERT INTO client_account (client_id, account_id, relationship) VALUES (?, ?, 'self')");
             var conversation = c.prepareStatement("INSERT INTO conversation (id, practice_id, practitioner_id, client_id, created_at, last_activity_at)"
                     + " VALUES (?, ?, ?, ?, now(), now())")) {
            for (int i = 0; i < count; i++) {
                var n = clients++;
                var clientId = UUID.randomUUID();
                var portal = new Portal(UUID.randomUUID(), String.format("bench.client.%04d", n));
                var conversationId = UUID.randomUUID();
                batch(client, clientId, practice, "Bench client " + n);
                batch(account, portal.account(), practice, portal.username(), portal.username(), "Bench client " + n);
                batch(link, clientId, portal.account());
                batch(conversation, conversationId, practice, practitioner, clientId);
                targets.add(new Target(conversationId, portal));
                portals.add(portal);
            }
            // Parents before children: the foreign keys are checked per statement.
            client.executeBatch();
            account.executeBatch();
            link.executeBatch();
            conversation.executeBatch();
        }
        return new Sender(practitioner, username, practice, targets);
    }

    UUID account(UUID practice, String username, String role, String name) throws SQLException {
        var id = UUID.randomUUID();
        execute("INSERT INTO account (id, practice_id, username, subject, role, display_name, signed_up_at) VALUES (?, ?, ?, ?, ?, ?, now())",
                id, practice, username, username, role, name);
        return id;
    }

    void execute(String sql, Object... parameters) throws SQLException {
        try (var statement = c.prepareStatement(sql)) {
            set(statement, parameters);
            statement.executeUpdate();
        }
    }

    static void batch(PreparedStatement statement, Object... parameters) throws SQLException {
        set(statement, parameters);
        statement.addBatch();
    }

    static void set(PreparedStatement statement, Object... parameters) throws SQLException {
        for (int i = 0; i < parameters.length; i++) {
            statement.setObject(i + 1, parameters[i]);
        }
    }
}
