package care.messaging.bench;

import care.messaging.crypto.control.KeyRing;
import care.messaging.crypto.control.RowCipher;
import care.messaging.crypto.entity.EncryptedColumn;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.time.Clock;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.LongAdder;
import org.flywaydb.core.Flyway;

/**
 * The cost of encryption at rest on the send path: the transaction a send commits (lock the conversation,
 * insert the message, update the conversation's last activity and preview), on the application's own
 * schema, by 16 concurrent senders, once storing the body and preview as plaintext bytes and once sealed
 * by the application's RowCipher (AES-256-GCM through Tink, associated data bound to the row). Rounds
 * alternate between the two so both see the same noise; the medians are compared.
 */
public final class EncryptionCost {

    static final String BODY = "<p>" + "Thanks for today. The breathing exercise helped, especially before work. ".repeat(7) + "</p>";
    static final String PREVIEW = BODY.substring(3, 103);

    public static void main(String[] args) throws Exception {
        var seconds = args.length > 0 ? Integer.parseInt(args[0]) : 5;
        var rounds = args.length > 1 ? Integer.parseInt(args[1]) : 3;
        var senders = args.length > 2 ? Integer.parseInt(args[2]) : 16;
        var keystore = Path.of(System.getProperty("bench.keystore"));
        var password = System.getenv("MESSAGING_KEYS_PASSWORD");
        var cipher = new RowCipher(KeyRing.standalone(keystore, password, Clock.systemUTC()));
        try (var database = BenchDatabase.create()) {
            Flyway.configure().dataSource(database.url(), database.user(), database.password())
                    .locations("classpath:db/migration").load().migrate();
            var conversations = seed(database, senders);
            var plain = new ArrayList<Double>();
            var sealed = new ArrayList<Double>();
            run(database, conversations, null, 2); // warm-up: JIT, connections, caches
            for (int round = 0; round < rounds; round++) {
                plain.add(run(database, conversations, null, seconds));
                sealed.add(run(database, conversations, cipher, seconds));
            }
            var without = Report.median(plain);
            var with = Report.median(sealed);
            System.out.printf("encryption.sends_per_s.plaintext=%.0f   (rounds: %s)%n", without, format(plain));
            System.out.printf("encryption.sends_per_s.encrypted=%.0f   (rounds: %s)%n", with, format(sealed));
            System.out.printf("encryption.ratio_encrypted_to_plaintext=%.3f%n", with / without);
            System.out.printf("encryption.aead_pairs_per_s_one_thread=%.0f   (seal body+preview and open body, %d bytes)%n",
                    aeadRate(cipher), BODY.length());
        }
    }

    static List<UUID> seed(BenchDatabase database, int count) throws SQLException {
        var conversations = new ArrayList<UUID>();
        try (var c = database.connect()) {
            var practice = UUID.randomUUID();
            var practitioner = UUID.randomUUID();
            execute(c, "INSERT INTO practice (id, name) VALUES (?, 'Bench practice')", practice);
            execute(c, "INSERT INTO account (id, practice_id, username, subject, role, display_name) VALUES (?, ?, 'bench.dr', 'bench.dr', 'practitioner', 'Dr. Bench')",
                    practitioner, practice);
            for (int i = 0; i < count; i++) {
                var client = UUID.randomUUID();
                var conversation = UUID.randomUUID();
                execute(c, "INSERT INTO client (id, practice_id, display_name) VALUES (?, ?, ?)", client, practice, "Client " + i);
                execute(c, "INSERT INTO conversation (id, practice_id, practitioner_id, client_id, created_at, last_activity_at) VALUES (?, ?, ?, ?, now(), now())",
                        conversation, practice, practitioner, client);
                conversations.add(conversation);
            }
            database.practitioner = practitioner;
        }
        return conversations;
    }

    /** Sends per second for the given time, each sender in its own conversation; cipher null stores plaintext. */
    static double run(BenchDatabase database, List<UUID> conversations, RowCipher cipher, int seconds) throws Exception {
        var stop = new AtomicBoolean();
        var sent = new LongAdder();
        var failure = new java.util.concurrent.atomic.AtomicReference<Exception>();
        var threads = new ArrayList<Thread>();
        for (var conversation : conversations) {
            var thread = new Thread(() -> {
                try (var c = database.connect()) {
                    c.setAutoCommit(false);
                    while (!stop.get()) {
                        send(c, conversation, database.practitioner, cipher);
                        sent.increment();
                    }
                } catch (Exception e) {
                    failure.compareAndSet(null, e);
                }
            });
            thread.start();
            threads.add(thread);
        }
        var begin = System.nanoTime();
        TimeUnit.SECONDS.sleep(seconds);
        stop.set(true);
        for (var thread : threads) {
            thread.join();
        }
        if (failure.get() != null) {
            throw failure.get();
        }
        return sent.sum() / ((System.nanoTime() - begin) / 1e9);
    }

    static void send(Connection c, UUID conversation, UUID sender, RowCipher cipher) throws SQLException {
        long seq;
        try (var lock = c.prepareStatement("SELECT last_seq FROM conversation WHERE id = ? FOR UPDATE")) {
            lock.setObject(1, conversation);
            try (var rows = lock.executeQuery()) {
                rows.next();
                seq = rows.getLong(1) + 1;
            }
        }
        var id = UUID.randomUUID();
        byte[] body;
        byte[] preview;
        int key;
        if (cipher == null) {
            body = BODY.getBytes(StandardCharsets.UTF_8);
            preview = PREVIEW.getBytes(StandardCharsets.UTF_8);
            key = 0;
        } else {
            var b = cipher.seal(EncryptedColumn.MESSAGE_BODY, id, BODY);
            body = b.ciphertext();
            preview = cipher.seal(EncryptedColumn.CONVERSATION_PREVIEW, conversation, PREVIEW).ciphertext();
            key = b.keyId();
        }
        var now = OffsetDateTime.now();
        try (var insert = c.prepareStatement("INSERT INTO message (id, conversation_id, seq, sender_id, sender_name, client_message_id,"
                + " from_client, sent_at, body, body_key) VALUES (?, ?, ?, ?, 'Dr. Bench', ?, false, ?, ?, ?)")) {
            insert.setObject(1, id);
            insert.setObject(2, conversation);
            insert.setLong(3, seq);
            insert.setObject(4, sender);
            insert.setObject(5, UUID.randomUUID());
            insert.setObject(6, now);
            insert.setBytes(7, body);
            insert.setInt(8, key);
            insert.executeUpdate();
        }
        try (var update = c.prepareStatement("UPDATE conversation SET last_seq = ?, last_activity_at = ?, preview = ?, preview_key = ? WHERE id = ?")) {
            update.setLong(1, seq);
            update.setObject(2, now);
            update.setBytes(3, preview);
            update.setInt(4, key);
            update.setObject(5, conversation);
            update.executeUpdate();
        }
        c.commit();
    }

    static double aeadRate(RowCipher cipher) {
        var row = UUID.randomUUID();
        var count = 0;
        var begin = System.nanoTime();
        var end = begin + TimeUnit.SECONDS.toNanos(2);
        while (System.nanoTime() < end) {
            var sealed = cipher.seal(EncryptedColumn.MESSAGE_BODY, row, BODY);
            cipher.seal(EncryptedColumn.CONVERSATION_PREVIEW, row, PREVIEW);
            cipher.open(EncryptedColumn.MESSAGE_BODY, row, sealed.ciphertext());
            count++;
        }
        return count / ((System.nanoTime() - begin) / 1e9);
    }

    static String format(List<Double> values) {
        return Arrays.toString(values.stream().mapToLong(Math::round).toArray());
    }

    static void execute(Connection c, String sql, Object... parameters) throws SQLException {
        try (var statement = c.prepareStatement(sql)) {
            for (int i = 0; i < parameters.length; i++) {
                statement.setObject(i + 1, parameters[i]);
            }
            statement.executeUpdate();
        }
    }

    /** A database of the benchmark's own, dropped at the end. */
    static final class BenchDatabase implements AutoCloseable {

        final String host = env("PGHOST", "127.0.0.1");
        final String port = env("PGPORT", "5432");
        final String name = "messaging_bench_" + ProcessHandle.current().pid();
        UUID practitioner;

        static BenchDatabase create() throws SQLException {
            var database = new BenchDatabase();
            database.admin("CREATE DATABASE " + database.name);
            return database;
        }

        String url() {
            return "jdbc:postgresql://" + host + ":" + port + "/" + name;
        }

        String user() {
            return env("PGUSER", "postgres");
        }

        String password() {
            return env("PGPASSWORD", "");
        }

        Connection connect() throws SQLException {
            return DriverManager.getConnection(url(), user(), password());
        }

        void admin(String sql) throws SQLException {
            try (var c = DriverManager.getConnection("jdbc:postgresql://" + host + ":" + port + "/postgres", user(), password());
                 var s = c.createStatement()) {
                s.execute(sql);
            }
        }

        @Override
        public void close() throws SQLException {
            admin("DROP DATABASE IF EXISTS " + name + " WITH (FORCE)");
        }

        static String env(String name, String fallback) {
            var value = System.getenv(name);
            return value == null || value.isEmpty() ? fallback : value;
        }
    }
}
