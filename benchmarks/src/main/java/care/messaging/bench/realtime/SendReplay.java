package care.messaging.bench.realtime;

import static care.messaging.bench.realtime.ReplaySql.query;
import static care.messaging.bench.realtime.ReplaySql.update;

import care.messaging.audit.control.AuditLog;
import care.messaging.audit.entity.Action;
import care.messaging.audit.entity.AuditEvent;
import care.messaging.audit.entity.Origin;
import care.messaging.audit.entity.Outcome;
import care.messaging.audit.entity.Targets;
import care.messaging.conversation.control.Notifications;
import care.messaging.conversation.control.ParticipantStates;
import care.messaging.conversation.control.SendingRules;
import care.messaging.crypto.control.BlindIndex;
import care.messaging.delivery.control.EventLog;
import care.messaging.platform.entity.Actor;
import care.messaging.search.control.SearchIndex;
import care.messaging.search.control.SearchText;
import java.security.SecureRandom;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.OffsetDateTime;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Map;
import java.util.TreeMap;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.LongAdder;
import javax.crypto.spec.SecretKeySpec;

/**
 * The first rung above pgbench on B1's ladder: the application's send transaction without the application
 * server. Each of 16 clients (one practitioner in each of 16 practices, like B1's senders, in practices of
 * their own without sockets) issues over plain JDBC, statement by statement, what PostgreSQL logs for one
 * {@code POST /conversations/{id}/messages} with {@code log_statement = all}: the pool's validation, the
 * account, the participation facts, the send's advisory lock, the conversation's row lock, the look for an
 * original, the conversation's update and the message's insert, the participants' states, the message's
 * search terms, the members with their unread counts, the events with their NOTIFY, the audit chain's head
 * and the audit row, and the commit. Sends per second is what the application could reach if HTTP, JAX-RS,
 * MP-JWT, EJB, JTA and JPA cost nothing.
 * <p>
 * The application's own native SQL is read from its classes (so the replay follows it); what EclipseLink
 * generates is copied from the statement log, and messaging-web's SendReplayIT checks the whole sequence
 * against the log of a real send. Bodies are random bytes of the ciphertext's length, search terms are the
 * body's own under a key of the replay's; the audit row is sealed with the application's own AuditEvent
 * (HMAC-SHA256) under a key of the replay's own.
 */
final class SendReplay {

    // As EclipseLink and the pool issue them (PostgreSQL's log, log_statement = all; SendReplayIT compares).
    static final String VALIDATION = "SELECT 1";
    static final String ACCOUNT = "SELECT ID, display_name, EMAIL, ENABLED, external_id, messaging_name, practice_id, ROLE, signed_up_at, SUBJECT, USERNAME"
            + " FROM account WHERE (SUBJECT = ?)";
    /** Participation reads the conversation (em.find) before the lock, and its client when the sender writes. */
    static final String FIND_CONVERSATION = "SELECT ID, client_id, colleague_id, created_at, last_activity_at, last_seq,"
            + " practice_id, practitioner_id, PREVIEW, preview_key FROM conversation WHERE (ID = ?)";
    static final String FIND_CLIENT = "SELECT ID, date_of_birth, display_name, ENABLED, messaging_enabled, MINOR, practice_id FROM client WHERE (ID = ?)";
    static final String LOCK_CONVERSATION = FIND_CONVERSATION + " FOR UPDATE";
    static final String ORIGINAL = "SELECT ID, announcement_id, BODY, body_key, client_message_id, conversation_id, deleted_at,"
            + " from_client, sender_id, sender_name, sent_at, SEQ FROM message WHERE ((sender_id = ?) AND (client_message_id = ?))";
    /** As on a conversation's first message; later ones leave out preview_key, which stays the same. */
    static final String UPDATE_CONVERSATION = "UPDATE conversation SET last_seq = ?, last_activity_at = ?, PREVIEW = ?, preview_key = ? WHERE (ID = ?)";
    static final String INSERT_MESSAGE = "INSERT INTO message (ID, BODY, body_key, client_message_id, conversation_id, deleted_at,"
            + " from_client, sender_id, sender_name, sent_at, SEQ) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)";
    /** SendLocks' statement (inline there). */
    static final ReplaySql ADVISORY = new ReplaySql("SELECT 1 FROM (SELECT pg_advisory_xact_lock(?1)) AS locked");

    /** Tink's 5-byte key prefix, a 12-byte nonce and a 16-byte tag around the plaintext. */
    static final int AEAD_OVERHEAD = 5 + 12 + 16;

    final ReplaySql sendingRules = ReplaySql.of(SendingRules.class, "BETWEEN");
    final ReplaySql sent = ReplaySql.of(ParticipantStates.class, "SENT");
    final ReplaySql searchTerms = ReplaySql.of(SearchIndex.class, "INSERT");
    final ReplaySql members = ReplaySql.of(Notifications.class, "MEMBERS");
    final ReplaySql append = ReplaySql.of(EventLog.class, "APPEND");
    final ReplaySql lockHead = ReplaySql.of(AuditLog.class, "LOCK_HEAD");
    final ReplaySql newHead = ReplaySql.of(AuditLog.class, "NEW_HEAD");
    final ReplaySql audit = ReplaySql.of(AuditLog.class, "INSERT");

    private final Realtime bench;
    private final SecretKeySpec auditKey;
    private final byte[] body = random(Realtime.BODY.length() + AEAD_OVERHEAD);
    private final byte[] preview = random(100 + AEAD_OVERHEAD);
    private final byte[] terms;
    private final byte[] keyCheck = random(BlindIndex.HASH_BYTES);
    final Map<String, LongAdder> errors = new ConcurrentHashMap<>();

    SendReplay(Realtime bench) {
        this.bench = bench;
        this.auditKey = new SecretKeySpec(random(32), "HmacSHA256");
        this.terms = hashes(SearchText.terms(SearchIndex.text(Realtime.BODY)), new SecretKeySpec(random(32), "HmacSHA256"));
    }

    /** The body's search terms as the blind index stores them: 16 bytes of HMAC-SHA256 each, in one array. */
    static byte[] hashes(java.util.Collection<String> words, SecretKeySpec key) {
        try {
            var mac = javax.crypto.Mac.getInstance("HmacSHA256");
            mac.init(key);
            var all = new java.io.ByteArrayOutputStream();
            for (var word : words) {
                all.write(mac.doFinal(word.getBytes(java.nio.charset.StandardCharsets.UTF_8)), 0, BlindIndex.HASH_BYTES);
            }
            return all.toByteArray();
        } catch (java.security.GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }

    /** Sends per second of the replay senders for the given time, each on a connection of its own, opened first. */
    double run(int seconds) throws Exception {
        var senders = bench.layout.replay();
        var connections = new ArrayList<Connection>();
        try {
            for (var ignored : senders) {
                connections.add(connect());
            }
            var done = new LongAdder();
            var threads = new ArrayList<Thread>();
            var begin = System.nanoTime();
            var end = begin + TimeUnit.SECONDS.toNanos(seconds);
            for (int s = 0; s < senders.size(); s++) {
                var sender = senders.get(s);
                var c = connections.get(s);
                var thread = new Thread(() -> {
                    var i = 0;
                    while (System.nanoTime() < end) {
                        var target = sender.targets().get(i++ % sender.targets().size());
                        try {
                            send(c, sender, target);
                            done.increment();
                        } catch (SQLException e) {
                            errors.computeIfAbsent(String.valueOf(e.getSQLState()), state -> new LongAdder()).increment();
                            try {
                                c.rollback();
                            } catch (SQLException broken) {
                                return;
                            }
                        }
                    }
                }, "replay-" + sender.username());
                thread.start();
                threads.add(thread);
            }
            for (var thread : threads) {
                thread.join();
            }
            return done.sum() / ((System.nanoTime() - begin) / 1e9);
        } finally {
            for (var c : connections) {
                c.close();
            }
        }
    }

    /** A connection, retried for a while: on a shared server PostgreSQL may be at max_connections for a moment. */
    Connection connect() throws Exception {
        var deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(20);
        while (true) {
            try {
                return bench.connect();
            } catch (SQLException e) {
                if (System.nanoTime() > deadline) {
                    throw e;
                }
                Thread.sleep(200);
            }
        }
    }

    Map<String, Long> errorCounts() {
        var counts = new TreeMap<String, Long>();
        errors.forEach((state, count) -> counts.put(state, count.sum()));
        return counts;
    }

    /** One send of a practitioner into one of their conversations, as the application issues it. */
    void send(Connection c, Seed.Sender sender, Seed.Target target) throws SQLException {
        var conversation = target.conversation();
        var clientMessageId = UUID.randomUUID();
        // The pool validates the connection it hands out, before JTA enlists it.
        c.setAutoCommit(true);
        try (var s = c.createStatement()) {
            s.executeQuery(VALIDATION).close();
        }
        c.setAutoCommit(false);
        query(c, ACCOUNT, sender.username());
        query(c, FIND_CONVERSATION, conversation);
        query(c, ADVISORY, 31 * (sender.account().getMostSignificantBits() ^ sender.account().getLeastSignificantBits())
                + (clientMessageId.getMostSignificantBits() ^ clientMessageId.getLeastSignificantBits()));
        long seq;
        UUID client;
        try (var lock = c.prepareStatement(LOCK_CONVERSATION)) {
            lock.setObject(1, conversation);
            try (var rows = lock.executeQuery()) {
                rows.next();
                client = rows.getObject("client_id", UUID.class);
                seq = rows.getLong("last_seq") + 1;
            }
        }
        query(c, ORIGINAL, sender.account(), clientMessageId);
        query(c, FIND_CLIENT, client);
        query(c, sendingRules, sender.account(), client);
        var now = OffsetDateTime.now().truncatedTo(ChronoUnit.MICROS);
        var message = UUID.randomUUID();
        update(c, UPDATE_CONVERSATION, seq, now, preview, 1, conversation);
        update(c, INSERT_MESSAGE, message, body, 1, clientMessageId, conversation, null, false, sender.account(), "Dr. " + sender.username(), now, seq);
        query(c, sent, conversation, sender.account(), false, true);
        update(c, searchTerms, terms, message, conversation, now, keyCheck);
        var events = new StringBuilder("[");
        var accounts = new ArrayList<String>();
        try (var statement = members.prepare(c, conversation, sender.account().toString(), client);
             var rows = statement.executeQuery()) {
            while (rows.next()) {
                var account = rows.getObject(1, UUID.class);
                accounts.add(account.toString());
                events.append(events.length() > 1 ? "," : "")
                        .append(String.format("{\"a\":\"%s\",\"o\":1,\"t\":\"message.created\",\"c\":\"%s\",\"m\":\"%s\",\"s\":%d,\"f\":{\"senderId\":\"%s\"}},",
                                account, conversation, message, seq, sender.account()))
                        .append(String.format("{\"a\":\"%s\",\"o\":2,\"t\":\"conversation.changed\",\"c\":\"%s\",\"s\":%d,\"f\":{\"unreadCount\":%d}}",
                                account, conversation, seq, rows.getLong(3)));
            }
        }
        query(c, append, events.append(']').toString(), now, String.join(",", accounts));
        var chain = sender.practice();
        var head = lockHead(c, chain);
        if (head == null) {
            update(c, newHead, chain, AuditEvent.GENESIS);
            head = lockHead(c, chain);
        }
        var sealed = AuditEvent.of(now, Actor.account(sender.account(), chain, "practitioner"), Action.MESSAGE_CREATE, null,
                        Outcome.SUCCESS, null, new Targets(conversation, message, client, null),
                        new Origin("127.0.0.1", UUID.randomUUID().toString()))
                .link(head.next(), head.hash()).seal(auditKey);
        update(c, audit, chain, sealed.no(), sealed.at(), chain, sender.account(), "practitioner", null, sealed.action(), null,
                sealed.outcome(), null, conversation, message, client, null, "127.0.0.1", sealed.origin().requestId(),
                sealed.prevHash(), sealed.hash());
        c.commit();
    }

    record Head(long next, byte[] hash) {
    }

    Head lockHead(Connection c, UUID chain) throws SQLException {
        try (var statement = lockHead.prepare(c, chain); var rows = statement.executeQuery()) {
            if (!rows.next()) {
                return null;
            }
            return new Head(Math.max(rows.getLong(1), rows.getLong(3)) + 1, rows.getBytes(2));
        }
    }

    static byte[] random(int length) {
        var bytes = new byte[length];
        new SecureRandom().nextBytes(bytes);
        return bytes;
    }
}
