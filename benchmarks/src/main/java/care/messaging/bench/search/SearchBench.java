package care.messaging.bench.search;

import static care.messaging.bench.Report.*;

import care.messaging.conversation.control.Inbox;
import care.messaging.conversation.entity.Folder;
import care.messaging.crypto.control.BlindIndex;
import care.messaging.crypto.control.KeyRing;
import care.messaging.crypto.control.RowCipher;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.regex.Pattern;

/**
 * B5 and search, on a running application (bin/bench search starts it as bin/run does):
 * <pre>
 *   -Dbench.url=http://127.0.0.1:PORT/messaging/   the application
 *   -Dbench.db=NAME                                its database (PGHOST, PGPORT, PGUSER, PGPASSWORD from the environment)
 *   -Dbench.keystore=PATH                          the application's keystore (MESSAGING_KEYS_PASSWORD from the environment)
 *   optional: -Dbench.clients=5000 -Dbench.messages-per-conversation=20 -Dbench.requests=300
 * </pre>
 * B5: GET /api/conversations?limit=50 over HTTP (unread counts, decrypted previews) for a practitioner
 * with 5,000 clients, p50 and p99, divided by the same list query run raw over JDBC in the same run
 * (Inbox's own SQL, no decryption, no HTTP). Search: POST /api/search/messages over 100,000 messages for
 * a whole word and for a three-letter word beginning. Requests are sequential, after a warm-up.
 */
public final class SearchBench {

    static final String ONE_WORD = "breathing";
    static final String PARTIAL = "anx";

    final URI application = URI.create(System.getProperty("bench.url", "http://127.0.0.1:8080/messaging/"));
    final int clients = Integer.getInteger("bench.clients", 5000);
    final int perConversation = Integer.getInteger("bench.messages-per-conversation", 20);
    final int requests = Integer.getInteger("bench.requests", 300);
    final KeyRing keys = KeyRing.standalone(Path.of(System.getProperty("bench.keystore", "keys.p12")),
            System.getenv("MESSAGING_KEYS_PASSWORD"), Clock.systemUTC());
    final BlindIndex index = new BlindIndex(keys);
    final HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).connectTimeout(Duration.ofSeconds(5)).build();

    public static void main(String[] args) throws Exception {
        new SearchBench().run();
    }

    void run() throws Exception {
        var begin = System.nanoTime();
        var seeded = seed();
        note("# seeded %d clients, %d messages, %d index rows (%.1f per message) in %.1f s", clients, seeded.messages(),
                seeded.terms(), (double) seeded.terms() / seeded.messages(), seconds(System.nanoTime() - begin));
        try (var db = connect()) {
            var token = login(seeded.username());
            b5(db, token, seeded.practitioner());
            search(db, token, "search.one_word", ONE_WORD, seeded);
            search(db, token, "search.partial_word", PARTIAL, seeded);
        }
    }

    /** The seed is one transaction: if PostgreSQL goes away under it (other suites restart it here), it starts over. */
    SearchSeed.Seeded seed() throws Exception {
        for (int attempt = 1; ; attempt++) {
            try (var db = connect()) {
                return new SearchSeed(db, new RowCipher(keys), index).seed(clients, perConversation);
            } catch (SQLException e) {
                if (attempt == 3) {
                    throw e;
                }
                note("# seeding broke off (%s); starting over", e.getMessage());
                Thread.sleep(5_000);
            }
        }
    }

    void b5(Connection db, String token, UUID practitioner) throws Exception {
        var list = HttpRequest.newBuilder(application.resolve("api/conversations?limit=50"))
                .header("Authorization", "Bearer " + token).GET().build();
        var check = http.send(list, HttpResponse.BodyHandlers.ofString());
        if (check.statusCode() != 200 || !check.body().contains("\"unreadCount\"") || !check.body().contains("\"lastMessagePreview\":\"")) {
            throw new IllegalStateException("GET /conversations answered " + check.statusCode() + ": no previews or unread counts");
        }
        var sql = jdbc(Inbox.practitionerPage(Folder.INBOX, false));
        Call overHttp = () -> {
            var response = http.send(list, HttpResponse.BodyHandlers.discarding());
            if (response.statusCode() != 200) {
                throw new IllegalStateException("GET /conversations answered " + response.statusCode());
            }
        };
        Call raw = () -> {
            try (var statement = db.prepareStatement(sql.text())) {
                sql.bind(statement, practitioner, false, null, null, 51, OffsetDateTime.now().minusMinutes(5));
                try (var rows = statement.executeQuery()) {
                    var n = 0;
                    while (rows.next()) {
                        rows.getBytes(3);
                        n++;
                    }
                    if (n != 51) {
                        throw new IllegalStateException("the raw list query returned " + n + " rows");
                    }
                }
            }
        };
        // Interleaved, one of each in turn, so both see the same noise of a shared machine.
        var httpTimes = new ArrayList<Double>();
        var sqlTimes = new ArrayList<Double>();
        for (int i = -Math.max(20, requests / 5); i < requests; i++) {
            var http = time(overHttp);
            var sqlTime = time(raw);
            if (i >= 0) {
                httpTimes.add(http);
                sqlTimes.add(sqlTime);
            }
        }
        var httpP50 = percentile(httpTimes, 50);
        var sqlP50 = percentile(sqlTimes, 50);
        print("B5.http_p50_ms", ms(httpP50), requests + " sequential GET /api/conversations?limit=50 of " + clients + " conversations, each followed by the raw query");
        print("B5.http_p99_ms", ms(percentile(httpTimes, 99)));
        print("B5.limit.sql_p50_ms", ms(sqlP50), "the same list query over JDBC, no decryption, same run");
        print("B5.limit.sql_p99_ms", ms(percentile(sqlTimes, 99)));
        print("B5.ratio_p50", ratio(httpP50, sqlP50), "target <= 10");
    }

    void search(Connection db, String token, String key, String q, SearchSeed.Seeded seeded) throws Exception {
        var request = HttpRequest.newBuilder(application.resolve("api/search/messages"))
                .header("Authorization", "Bearer " + token).header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString("{\"q\":\"" + q + "\"}")).build();
        var check = http.send(request, HttpResponse.BodyHandlers.ofString());
        var items = Pattern.compile("\"messageId\"").matcher(check.body()).results().count();
        if (check.statusCode() != 200 || items != 20) {
            throw new IllegalStateException("search answered " + check.statusCode() + " with " + items + " hits");
        }
        var times = times(() -> {
            var response = http.send(request, HttpResponse.BodyHandlers.discarding());
            if (response.statusCode() != 200) {
                throw new IllegalStateException("search answered " + response.statusCode());
            }
        });
        print(key + ".p50_ms", ms(percentile(times, 50)), requests + " sequential POST /api/search/messages, first page (20 hits) for \""
                + q + "\", which " + matching(db, q, seeded) + " of the " + seeded.messages() + " messages match");
        print(key + ".p99_ms", ms(percentile(times, 99)));
    }

    /** How many messages hold a word beginning with q: the index rows of its hash. */
    long matching(Connection db, String q, SearchSeed.Seeded seeded) throws SQLException {
        try (var s = db.prepareStatement("SELECT count(*) FROM search_term WHERE term = ?")) {
            s.setBytes(1, index.hash(seeded.practice(), q));
            try (var rows = s.executeQuery()) {
                rows.next();
                return rows.getLong(1);
            }
        }
    }

    interface Call {
        void run() throws Exception;
    }

    static double time(Call call) throws Exception {
        var start = System.nanoTime();
        call.run();
        return millis(System.nanoTime() - start);
    }

    /** Milliseconds of each of {@code requests} calls, after {@code requests / 5} unmeasured ones. */
    List<Double> times(Call call) throws Exception {
        for (int i = 0; i < Math.max(20, requests / 5); i++) {
            call.run();
        }
        var times = new ArrayList<Double>();
        for (int i = 0; i < requests; i++) {
            var start = System.nanoTime();
            call.run();
            times.add(millis(System.nanoTime() - start));
        }
        return times;
    }

    static double percentile(List<Double> values, int p) {
        var sorted = values.stream().mapToDouble(Double::doubleValue).sorted().toArray();
        return sorted[Math.min(sorted.length - 1, (int) Math.ceil(p / 100.0 * sorted.length) - 1)];
    }

    /** A native query with numbered parameters (?1, ?2 …, as the application writes them) for plain JDBC. */
    record Jdbc(String text, List<Integer> order) {

        void bind(java.sql.PreparedStatement statement, Object... values) throws SQLException {
            for (int i = 0; i < order.size(); i++) {
                statement.setObject(i + 1, values[order.get(i) - 1]);
            }
        }
    }

    static Jdbc jdbc(String sql) {
        var order = new ArrayList<Integer>();
        var matcher = Pattern.compile("\\?(\\d+)").matcher(sql);
        var text = new StringBuilder();
        while (matcher.find()) {
            order.add(Integer.parseInt(matcher.group(1)));
            matcher.appendReplacement(text, "?");
        }
        matcher.appendTail(text);
        return new Jdbc(text.toString(), order);
    }

    String login(String username) throws Exception {
        var response = http.send(HttpRequest.newBuilder(application.resolve("api/dev/login"))
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString("{\"username\":\"" + username + "\"}")).build(), HttpResponse.BodyHandlers.ofString());
        if (response.statusCode() != 200) {
            throw new IllegalStateException("dev login answered " + response.statusCode());
        }
        var token = Pattern.compile("\"token\"\\s*:\\s*\"([^\"]+)\"").matcher(response.body());
        if (!token.find()) {
            throw new IllegalStateException("no token in the dev login's answer");
        }
        return token.group(1);
    }

    static Connection connect() throws SQLException {
        return DriverManager.getConnection("jdbc:postgresql://" + env("PGHOST", "127.0.0.1") + ":" + env("PGPORT", "5432")
                + "/" + System.getProperty("bench.db") + "?reWriteBatchedInserts=true", env("PGUSER", "postgres"), env("PGPASSWORD", ""));
    }
}
