package care.messaging.bench.realtime;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import care.messaging.testing.Cluster;
import care.messaging.testing.MicroNode;
import care.messaging.testing.PrivatePostgres;
import jakarta.json.Json;
import java.io.IOException;
import java.nio.file.Files;
import java.sql.Connection;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.UUID;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * The benchmark's {@link SendReplay} (rung (b) of B1's ladder, bin/bench realtime) issues what the
 * application issues for one send: a real send on Payara Micro and one replayed send run against a
 * PostgreSQL cluster of this test's own that logs every statement, and the two transactions, read back
 * from that log, are the same statements in the same order (bind values aside). Both are the first
 * message of a new conversation, as the replay's conversations are.
 */
class SendReplayIT {

    @RegisterExtension
    static final PrivatePostgres postgres = new PrivatePostgres("send-replay", "log_statement=all",
            "log_parameter_max_length=0", "log_line_prefix=pid=%p|");

    /** One entry of the log: its backend and its message, continuation lines joined. */
    record Entry(int pid, String message) {
    }

    private static final Pattern ENTRY = Pattern.compile("^pid=(\\d+)\\|(.*)$");
    private static final Pattern STATEMENT = Pattern.compile("^LOG:\\s+(?:execute [^:]+|statement): (.*)$", Pattern.DOTALL);

    @Test
    void theReplayIssuesTheStatementsOfTheApplicationsSend() throws Exception {
        var database = "messaging_send_replay";
        postgres.admin("CREATE DATABASE " + database);
        try (var node = MicroNode.start("send-replay", Cluster.nodeOptions("send-replay", List.of()),
                postgres.environment(database), List.of())) {
            node.awaitReady(Duration.ofMinutes(4));
            // dr.chen has no conversation in the demo data: each send below is a conversation's first message.
            var chen = node.login("dr.chen");
            var forApp = start(node, chen, "Alex");
            var forReplay = start(node, chen, "Casey");

            var mark = Files.size(postgres.log());
            var body = Json.createObjectBuilder().add("clientMessageId", UUID.randomUUID().toString())
                    .add("html", "<p>" + "Thanks for today. ".repeat(7) + "</p>").build();
            var reply = node.call(chen, "POST", "/messaging/api/conversations/" + forApp + "/messages", body.toString(),
                    Duration.ofSeconds(60));
            assertEquals(201, reply.statusCode(), reply::body);
            var application = sendTransaction(entriesAfter(mark), null);

            try (var c = postgres.connect(database)) {
                var pid = pid(c);
                var sender = sender(c, "dr.chen");
                mark = Files.size(postgres.log());
                new SendReplay(null).send(c, sender, new Seed.Target(UUID.fromString(forReplay), null));
                var replay = sendTransaction(entriesAfter(mark), pid);
                assertEquals(String.join("\n", application), String.join("\n", replay),
                        "the replay's send, statement by statement, is the application's (PostgreSQL's log, log_statement = all)");
            }
        }
    }

    /** The send's statements in one backend: the pool's validation before BEGIN, then up to the COMMIT after the message's INSERT. */
    static List<String> sendTransaction(List<Entry> entries, Integer pid) {
        var byBackend = new LinkedHashMap<Integer, List<String>>();
        for (var entry : entries) {
            var statement = STATEMENT.matcher(entry.message());
            if (statement.matches()) {
                byBackend.computeIfAbsent(entry.pid(), p -> new ArrayList<>()).add(normalized(statement.group(1)));
            }
        }
        var sender = pid != null ? byBackend.get(pid) : byBackend.values().stream()
                .filter(list -> list.stream().anyMatch(s -> s.startsWith("INSERT INTO message ")))
                .findFirst().orElseThrow(() -> new AssertionError("no backend inserted a message: " + byBackend));
        var insert = indexOf(sender, "INSERT INTO message ");
        var begin = insert;
        while (begin > 0 && !sender.get(begin).equals("BEGIN")) {
            begin--;
        }
        var commit = insert;
        while (commit < sender.size() - 1 && !sender.get(commit).equals("COMMIT")) {
            commit++;
        }
        assertTrue(sender.get(begin).equals("BEGIN") && sender.get(commit).equals("COMMIT"), () -> "one transaction: " + sender);
        return sender.subList(Math.max(0, begin - 1), commit + 1);
    }

    static int indexOf(List<String> statements, String prefix) {
        for (int i = 0; i < statements.size(); i++) {
            if (statements.get(i).startsWith(prefix)) {
                return i;
            }
        }
        throw new AssertionError("no " + prefix + "in " + statements);
    }

    /** Whitespace collapsed, parameters as ?, as a statement's shape. */
    static String normalized(String statement) {
        return statement.replaceAll("\\$\\d+", "?").replaceAll("\\s+", " ").trim();
    }

    /** The log's entries written after the mark; continuation lines (a tab first) belong to the entry before. */
    static List<Entry> entriesAfter(long mark) throws IOException {
        var bytes = Files.readAllBytes(postgres.log());
        var text = new String(bytes, (int) mark, bytes.length - (int) mark, java.nio.charset.StandardCharsets.UTF_8);
        var entries = new ArrayList<Entry>();
        for (var line : text.split("\n")) {
            var m = ENTRY.matcher(line);
            if (!line.startsWith("\t") && m.matches()) {
                entries.add(new Entry(Integer.parseInt(m.group(1)), m.group(2)));
            } else if (!entries.isEmpty()) {
                var last = entries.remove(entries.size() - 1);
                entries.add(new Entry(last.pid(), last.message() + "\n" + line));
            }
        }
        return entries;
    }

    static String start(MicroNode node, String token, String clientName) throws IOException {
        var matches = node.call(token, "POST", "/messaging/api/clients/search",
                Json.createObjectBuilder().add("query", clientName).build().toString(), Duration.ofSeconds(30));
        assertEquals(200, matches.statusCode(), matches::body);
        var client = Json.createReader(new java.io.StringReader(matches.body())).readArray().getJsonObject(0).getString("id");
        var started = node.call(token, "POST", "/messaging/api/conversations",
                Json.createObjectBuilder().add("clientId", client).build().toString(), Duration.ofSeconds(30));
        assertTrue(started.statusCode() == 201 || started.statusCode() == 200, started::body);
        return MicroNode.json(started).getString("id");
    }

    static int pid(Connection c) throws Exception {
        try (var s = c.createStatement(); var rows = s.executeQuery("SELECT pg_backend_pid()")) {
            rows.next();
            return rows.getInt(1);
        }
    }

    /** The practitioner as the replay's seed describes its senders (the targets are given per send here). */
    static Seed.Sender sender(Connection c, String username) throws Exception {
        try (var s = c.prepareStatement("SELECT id, practice_id FROM account WHERE username = ?")) {
            s.setString(1, username);
            try (var rows = s.executeQuery()) {
                assertTrue(rows.next(), username);
                return new Seed.Sender(rows.getObject(1, UUID.class), username, rows.getObject(2, UUID.class), List.of());
            }
        }
    }
}
