package care.messaging.bench.search;

import care.messaging.crypto.control.BlindIndex;
import care.messaging.crypto.control.RowCipher;
import care.messaging.crypto.entity.EncryptedColumn;
import care.messaging.search.control.SearchIndex;
import care.messaging.search.control.SearchText;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.UUID;
import java.util.stream.IntStream;
import org.postgresql.PGConnection;

/**
 * One practitioner with {@code clients} clients (each with a portal account and a conversation of
 * {@code perConversation} messages), written straight into the application's tables in the formats the
 * application writes: bodies and previews sealed by its RowCipher (same keystore, same associated data),
 * the search index from its SearchText and BlindIndex with the same key check, so the application finds
 * nothing to backfill. Bulk rows go through COPY.
 */
final class SearchSeed {

    record Seeded(UUID practice, UUID practitioner, String username, int messages, long terms) {
    }

    private record Sent(UUID id, UUID conversation, long seq, UUID sender, String senderName, boolean fromClient,
                        OffsetDateTime at, String html) {
    }

    static final HexFormat HEX = HexFormat.of();

    final Connection c;
    final RowCipher cipher;
    final BlindIndex index;
    final Corpus corpus = new Corpus(42, 6000);

    SearchSeed(Connection c, RowCipher cipher, BlindIndex index) {
        this.c = c;
        this.cipher = cipher;
        this.index = index;
    }

    Seeded seed(int clients, int perConversation) throws SQLException {
        var began = System.nanoTime();
        c.setAutoCommit(false);
        var practice = UUID.randomUUID();
        var practitioner = UUID.randomUUID();
        var username = "bench.search.dr";
        execute("INSERT INTO practice (id, name) VALUES (?, 'Bench search')", practice);
        execute("INSERT INTO account (id, practice_id, username, subject, role, display_name, signed_up_at) "
                + "VALUES (?, ?, ?, ?, 'practitioner', 'Dr. Bench Search', now())", practitioner, practice, username, username);
        var now = OffsetDateTime.now(ZoneOffset.UTC).truncatedTo(ChronoUnit.MICROS);
        var messages = new ArrayList<Sent>();
        try (var client = c.prepareStatement("INSERT INTO client (id, practice_id, display_name) VALUES (?, ?, ?)");
             var account = c.prepareStatement("INSERT INTO account (id, practice_id, username, subject, role, display_name, signed_up_at)"
                     + " VALUES (?, ?, ?, ?, 'client', ?, now())");
             var link = c.prepareStatement("INSERT INTO client_account (client_id, account_id, relationship) VALUES (?, ?, 'self')");
             var conversation = c.prepareStatement("INSERT INTO conversation (id, practice_id, practitioner_id, client_id, created_at,"
                     + " last_activity_at, last_seq, preview, preview_key) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)");
             var marker = c.prepareStatement("INSERT INTO read_marker (conversation_id, account_id, seq, read_at) VALUES (?, ?, ?, ?)")) {
            for (int i = 0; i < clients; i++) {
                var clientId = UUID.randomUUID();
                var portal = UUID.randomUUID();
                var conversationId = UUID.randomUUID();
                var name = "Bench Client " + i;
                // the last message somewhere in the last 60 days, the earlier ones hours apart before it
                var last = now.minusSeconds(corpus.random.nextInt(60 * 24 * 3600));
                String lastHtml = null;
                for (int seq = 1; seq <= perConversation; seq++) {
                    var fromClient = corpus.random.nextBoolean();
                    lastHtml = corpus.message();
                    messages.add(new Sent(UUID.randomUUID(), conversationId, seq, fromClient ? portal : practitioner,
                            fromClient ? name : "Dr. Bench Search", fromClient, last.minusHours(3L * (perConversation - seq)), lastHtml));
                }
                var preview = cipher.seal(EncryptedColumn.CONVERSATION_PREVIEW, conversationId, SearchIndex.text(lastHtml));
                batch(client, clientId, practice, name);
                batch(account, portal, practice, "bench.search.client." + i, "bench.search.client." + i, name);
                batch(link, clientId, portal);
                batch(conversation, conversationId, practice, practitioner, clientId, last.minusDays(30), last, (long) perConversation,
                        preview.ciphertext(), preview.keyId());
                if (i % 5 != 0) {
                    // four in five read up to a few messages before the end: unread counts vary
                    batch(marker, conversationId, practitioner, (long) perConversation - corpus.random.nextInt(4), last);
                }
            }
            client.executeBatch();
            account.executeBatch();
            link.executeBatch();
            conversation.executeBatch();
            marker.executeBatch();
        }
        var start = System.nanoTime();
        System.out.printf("# seed: directory and %d conversations in %.1f s%n", clients, (start - began) / 1e9);
        copyMessages(messages);
        var copied = System.nanoTime();
        var terms = copyIndex(practice, messages);
        c.commit();
        System.out.printf("# seed: %d messages sealed and copied in %.1f s, their index (hashed, copied, keys built) in %.1f s%n",
                messages.size(), (copied - start) / 1e9, (System.nanoTime() - copied) / 1e9);
        c.setAutoCommit(true);
        try (var s = c.createStatement()) {
            s.execute("VACUUM ANALYZE");
        }
        return new Seeded(practice, practitioner, username, messages.size(), terms);
    }

    void copyMessages(List<Sent> messages) throws SQLException {
        var copy = copy("COPY message (id, conversation_id, seq, sender_id, sender_name, client_message_id, body, body_key, from_client, sent_at) FROM STDIN");
        for (var m : messages) {
            var sealed = cipher.seal(EncryptedColumn.MESSAGE_BODY, m.id(), m.html());
            copy.row(m.id() + "\t" + m.conversation() + "\t" + m.seq() + "\t" + m.sender() + "\t" + m.senderName() + "\t" + UUID.randomUUID()
                    + "\t\\\\x" + HEX.formatHex(sealed.ciphertext()) + "\t" + sealed.keyId() + "\t" + m.fromClient() + "\t" + m.at());
        }
        copy.end();
    }

    /** The index rows, hashed in parallel (as many HMACs as terms), written in order. */
    long copyIndex(UUID practice, List<Sent> messages) throws SQLException {
        var keyCheck = "\\\\x" + HEX.formatHex(index.keyCheck());
        var terms = new java.util.concurrent.atomic.LongAdder();
        // Millions of rows: loaded without the table's two indexes, which are then built once, sorted (the
        // same definitions as V10__search_index.sql; the application sends nothing meanwhile).
        try (var s = c.createStatement()) {
            s.execute("SET LOCAL maintenance_work_mem = '512MB'");
            s.execute("ALTER TABLE search_term DROP CONSTRAINT search_term_pkey");
            s.execute("DROP INDEX search_term_message");
        }
        var copy = copy("COPY search_term (term, sent_at, message_id, conversation_id) FROM STDIN");
        var chunk = 2000;
        for (int from = 0; from < messages.size(); from += chunk) {
            var part = messages.subList(from, Math.min(messages.size(), from + chunk));
            var rows = IntStream.range(0, part.size()).parallel().mapToObj(i -> {
                var m = part.get(i);
                var words = SearchText.terms(SearchIndex.text(m.html()));
                var hashes = index.hashes(practice, words);
                var out = new StringBuilder();
                var suffix = "\t" + m.at() + "\t" + m.id() + "\t" + m.conversation() + "\n";
                for (int h = 0; h < hashes.length; h += BlindIndex.HASH_BYTES) {
                    out.append("\\\\x").append(HEX.formatHex(hashes, h, h + BlindIndex.HASH_BYTES)).append(suffix);
                }
                terms.add(words.size());
                return out.toString();
            }).toList();
            for (var r : rows) {
                copy.raw(r);
            }
        }
        copy.end();
        try (var s = c.createStatement()) {
            s.execute("ALTER TABLE search_term ADD PRIMARY KEY (term, sent_at, message_id)");
            s.execute("CREATE INDEX search_term_message ON search_term (message_id)");
        }
        var indexed = copy("COPY search_indexed (message_id, key_check) FROM STDIN");
        for (var m : messages) {
            indexed.row(m.id() + "\t" + keyCheck);
        }
        indexed.end();
        return terms.sum();
    }

    /** A COPY in progress, fed in 1 MiB writes. */
    final class Copy {
        final org.postgresql.copy.CopyIn in;
        final StringBuilder buffer = new StringBuilder();

        Copy(String sql) throws SQLException {
            in = c.unwrap(PGConnection.class).getCopyAPI().copyIn(sql);
        }

        void row(String row) throws SQLException {
            raw(row + "\n");
        }

        void raw(String rows) throws SQLException {
            buffer.append(rows);
            if (buffer.length() > 1 << 20) {
                flush();
            }
        }

        void flush() throws SQLException {
            var bytes = buffer.toString().getBytes(StandardCharsets.UTF_8);
            in.writeToCopy(bytes, 0, bytes.length);
            buffer.setLength(0);
        }

        void end() throws SQLException {
            flush();
            in.endCopy();
        }
    }

    Copy copy(String sql) throws SQLException {
        return new Copy(sql);
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
