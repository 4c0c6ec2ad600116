package care.messaging.system;

import static care.messaging.system.DemoPeople.ALEX;
import static care.messaging.system.DemoPeople.RIVERA;
import static org.junit.jupiter.api.Assertions.assertAll;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import jakarta.json.JsonObject;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * /messaging/ws on the EAR: tickets and bearer tokens on the handshake, the Origin check, the replay after
 * the client's cursor and the live stream after it (in order, each event once, the same JSON as
 * GET /api/events), reconnecting, and the close at the token's exp.
 */
@ExtendWith(PayaraServer.class)
class WebSocketIT {

    static final Duration WITHIN = Duration.ofSeconds(20);

    final Api api;
    final Sql sql;
    final SeededPeople people;
    final AuditTable audit;

    final ServerLog log;

    WebSocketIT(Api api, Sql sql, SeededPeople people, TestDatabase database, ServerLog log) {
        this.log = log;
        this.api = api;
        this.sql = sql;
        this.people = people;
        this.audit = new AuditTable(database);
    }

    @Test
    void aTicketOpensTheSocketWhichReplaysAfterTheCursorThenStreamsLiveInOrder() throws Exception {
        var conversation = api.conversationWith(RIVERA, ALEX.displayName).getString("id");
        var from = cursorNow(ALEX);
        var sent = new ArrayList<String>();
        sent.add(send(conversation, "missed one"));
        sent.add(send(conversation, "missed two"));
        try (var socket = SocketClient.open(api.socket("ticket=" + ticket(ALEX) + "&after=" + from), Map.of())) {
            for (int i = 0; i < 3; i++) {
                sent.add(send(conversation, "live " + i));
            }
            var frames = socket.framesUntil(events -> created(events).containsAll(sent), WITHIN);
            var events = SocketClient.events(frames);
            assertAll(
                    () -> assertEquals(sent, created(events).stream().filter(sent::contains).toList(), "each message once, in order"),
                    () -> assertEquals(from + 1, cursor(events.get(0)), "the replay starts right after the cursor"),
                    () -> assertIncreasingByOne(events),
                    () -> frames.forEach(f -> {
                        var inFrame = f.getJsonArray("events").getValuesAs(JsonObject.class);
                        assertFalse(inFrame.isEmpty(), "no empty frames: " + f);
                        assertFalse(f.getBoolean("resync"));
                        assertEquals(cursor(inFrame.get(inFrame.size() - 1)), f.getJsonNumber("cursor").longValue());
                    }),
                    () -> assertEquals(rest(ALEX, from, cursor(events.get(events.size() - 1))), events,
                            "the same events, in the same JSON, as GET /api/events"));
        }
    }

    @Test
    void aTextFrameLargerThanAControlFrameClosesTheSocketWith1009() throws Exception {
        var logBefore = log.read().length();
        try (var socket = SocketClient.open(api.socket("ticket=" + ticket(ALEX) + "&after=" + cursorNow(ALEX)), Map.of())) {
            assertTrue(socket.sendText("{\"ack\": 1}"), "a small frame is taken (and ignored)");
            socket.sendText("x".repeat(1024 * 1024));
            assertEquals(1009, socket.awaitClose(WITHIN).code());
        }
        var logged = log.read().substring(logBefore);
        assertEquals(0, logged.lines().filter(l -> l.strip().startsWith("at ")).count(), "no stack trace:\n" + logged);
    }

    @Test
    void aFloodOfSmallFramesClosesTheSocketWith1008() throws Exception {
        try (var socket = SocketClient.open(api.socket("ticket=" + ticket(ALEX) + "&after=" + cursorNow(ALEX)), Map.of())) {
            for (var i = 0; i < 200 && socket.sendText("not json " + i); i++) {
                // more than a minute's allowance, as fast as the socket takes them
            }
            assertEquals(1008, socket.awaitClose(WITHIN).code());
        }
    }

    @Test
    void aBearerTokenOnTheHandshakeOpensTheSocket() throws Exception {
        var conversation = api.conversationWith(RIVERA, ALEX.displayName).getString("id");
        var from = cursorNow(ALEX);
        try (var socket = SocketClient.open(api.socket("after=" + from), bearer(token(ALEX)))) {
            var id = send(conversation, "to a bearer socket");
            socket.framesUntil(events -> created(events).contains(id), WITHIN);
        }
    }

    @Test
    void aTicketOpensOneSocketOnly() throws Exception {
        var ticket = ticket(ALEX);
        try (var first = SocketClient.open(api.socket("ticket=" + ticket), Map.of())) {
            assertEquals(401, SocketClient.refusal(api.socket("ticket=" + ticket), Map.of()), "a ticket is single use");
        }
    }

    @Test
    void anExpiredTicketIsRefused() throws Exception {
        var ticket = ticket(ALEX);
        var hash = MessageDigest.getInstance("SHA-256").digest(ticket.getBytes(StandardCharsets.US_ASCII));
        assertEquals(1, sql.update("UPDATE realtime_ticket SET expires_at = now() - interval '1 second' WHERE hash = ?", hash),
                "the ticket is stored as its SHA-256");
        assertEquals(401, SocketClient.refusal(api.socket("ticket=" + ticket), Map.of()));
    }

    @Test
    void aHandshakeWithoutValidCredentialsIsRefused() {
        var identityProvider = api.identityProvider();
        assertAll(
                () -> assertEquals(401, SocketClient.refusal(api.socket(""), Map.of()), "no credentials"),
                () -> assertEquals(401, SocketClient.refusal(api.socket("ticket=" + "A".repeat(43)), Map.of()), "an unknown ticket"),
                () -> assertEquals(401, SocketClient.refusal(api.socket("ticket=not-a-ticket"), Map.of()), "a malformed ticket"),
                () -> assertEquals(401, SocketClient.refusal(api.socket(""), bearer(identityProvider.tokenSignedByAnotherKey(ALEX))),
                        "a token of another key"),
                () -> assertEquals(401, SocketClient.refusal(api.socket(""), bearer(identityProvider.expiredToken(ALEX))),
                        "an expired token"));
    }

    @Test
    void aCursorThatIsNotTheReadersGetsOneResyncFrame() throws Exception {
        var now = cursorNow(ALEX);
        try (var socket = SocketClient.open(api.socket("after=" + (now + 1000)), bearer(token(ALEX)))) {
            var frame = socket.frames.poll(20, java.util.concurrent.TimeUnit.SECONDS);
            assertEquals(jakarta.json.Json.createObjectBuilder().add("events", jakarta.json.Json.createArrayBuilder())
                    .add("cursor", now).add("resync", true).build(), frame);
        }
        assertEquals(400, SocketClient.refusal(api.socket("after=-1"), bearer(token(ALEX))), "a malformed cursor");
    }

    @Test
    void onlyAllowedOriginsMayOpenTheSocket() throws Exception {
        var ticket = ticket(ALEX);
        assertEquals(403, SocketClient.refusal(api.socket("ticket=" + ticket), Map.of("Origin", "https://evil.example")));
        try (var unspent = SocketClient.open(api.socket("ticket=" + ticket), Map.of())) {
            // the refused handshake did not use the ticket up
        }
        assertEquals(403, SocketClient.refusal(api.socket(""), withOrigin(bearer(token(ALEX)), "https://evil.example")));
        try (var configured = SocketClient.open(api.socket(""), withOrigin(bearer(token(ALEX)), Deployment.ALLOWED_ORIGIN));
             var sameOrigin = SocketClient.open(api.socket("ticket=" + ticket(ALEX)), Map.of("Origin", api.ownOrigin()))) {
            // both open
        }
    }

    @Test
    void reconnectingWithTheLastCursorGetsExactlyWhatWasMissed() throws Exception {
        var conversation = api.conversationWith(RIVERA, ALEX.displayName).getString("id");
        long last;
        try (var socket = SocketClient.open(api.socket("ticket=" + ticket(ALEX) + "&after=" + cursorNow(ALEX)), Map.of())) {
            var id = send(conversation, "before the break");
            var events = SocketClient.events(socket.framesUntil(e -> created(e).contains(id), WITHIN));
            last = cursor(events.get(events.size() - 1));
        }
        var missed = List.of(send(conversation, "missed a"), send(conversation, "missed b"));
        var through = cursorNow(ALEX);
        try (var socket = SocketClient.open(api.socket("ticket=" + ticket(ALEX) + "&after=" + last), Map.of())) {
            var events = SocketClient.events(socket.framesUntil(e -> !e.isEmpty() && cursor(e.get(e.size() - 1)) >= through, WITHIN))
                    .stream().filter(e -> cursor(e) <= through).toList();
            assertAll(
                    () -> assertEquals(rest(ALEX, last, through), events, "every event after the cursor, and only those"),
                    () -> assertEquals(missed, created(events)));
        }
    }

    @Test
    void theSocketClosesWith4401WhenItsTokenExpires() throws Exception {
        // The token lives a few seconds. MP-JWT's clock skew (60 s) would let it call the API a minute past its
        // exp, but a socket closes at the exp itself, and neither a ticket nor a handshake is given past it.
        var identityProvider = api.identityProvider();
        var expiresAt = java.time.Instant.now().plusSeconds(6);
        var token = identityProvider.signed(identityProvider.claims(ALEX).expirationTime(java.util.Date.from(expiresAt)).build());
        try (var withTicket = SocketClient.open(api.socket("ticket=" + api.ticket(token)), Map.of());
             var withBearer = SocketClient.open(api.socket(""), bearer(token))) {
            for (var socket : List.of(withTicket, withBearer)) {
                assertEquals(new SocketClient.Close(4401, "token expired"), socket.awaitClose(WITHIN));
            }
            assertFalse(java.time.Instant.now().isBefore(expiresAt.minusSeconds(1)), "not before the token's exp (whole seconds)");
        }
    }

    @Test
    void switchingTheAccountOffClosesItsSockets() throws Exception {
        var person = people.practitioner(DemoPeople.RIVERSIDE, "Dr. Sam Socket");
        try (var socket = SocketClient.open(api.socket(""), bearer(api.identityProvider().token(person)))) {
            people.disable(person);
            assertEquals(1008, socket.awaitClose(WITHIN).code(), "at the next look, at most five seconds later");
        }
    }

    @Test
    void anIdleSocketIsPingedAndStaysOpenWhileItAnswers() throws Exception {
        try (var socket = SocketClient.open(api.socket("after=" + cursorNow(ALEX)), bearer(token(ALEX)))) {
            var deadline = System.nanoTime() + Duration.ofSeconds(4L * Deployment.PING_SECONDS).toNanos();
            while (socket.pings.get() < 3 && System.nanoTime() < deadline) {
                Thread.sleep(100);
            }
            assertTrue(socket.pings.get() >= 3, "a ping every " + Deployment.PING_SECONDS + " s, got " + socket.pings.get());
            assertFalse(socket.closed.isDone(), "the JDK answers every ping with a pong, so the socket stays open");
        }
    }

    @Test
    void ticketsOpeningsAndRefusalsAreAuditedWithoutTheTicket() throws Exception {
        var issued = "ws-ticket-" + UUID.randomUUID();
        var reply = api.call(token(ALEX), "POST", "/realtime/tickets", null, Map.of("X-Request-Id", issued));
        assertEquals(201, reply.status(), reply::toString);
        var ticket = reply.json().getString("ticket");
        assertTrue(ticket.matches("[A-Za-z0-9_-]{43}"), ticket);
        var opened = "ws-open-" + UUID.randomUUID();
        try (var socket = SocketClient.open(api.socket("ticket=" + ticket), Map.of("X-Request-Id", opened))) {
            // open
        }
        var reused = "ws-reused-" + UUID.randomUUID();
        assertEquals(401, SocketClient.refusal(api.socket("ticket=" + ticket), Map.of("X-Request-Id", reused)));
        var foreign = "ws-foreign-" + UUID.randomUUID();
        assertEquals(403, SocketClient.refusal(api.socket("ticket=" + ticket(ALEX)),
                Map.of("X-Request-Id", foreign, "Origin", "https://evil.example")));

        var alex = api.get(ALEX, "/me").json().getString("id");
        assertAll(
                () -> assertEquals(List.of("realtime.ticket", "success", "client", alex), row(issued, "action", "outcome", "actor_role", "actor_id")),
                () -> assertEquals(List.of("realtime.connect", "success", "client", alex, "127.0.0.1"),
                        row(opened, "action", "outcome", "actor_role", "actor_id", "source_address")),
                () -> assertEquals(List.of("access.denied", "realtime.connect", "denied", "invalid-ticket"),
                        row(reused, "action", "attempted_action", "outcome", "reason")),
                () -> assertEquals(List.of("access.denied", "realtime.connect", "denied", "origin-not-allowed"),
                        row(foreign, "action", "attempted_action", "outcome", "reason")),
                () -> assertEquals(0, audit.rowsMentioning(ticket), "never the ticket itself"));
    }

    // -- helpers

    List<String> row(String requestId, String... columns) {
        var row = audit.rowOf(requestId);
        return java.util.Arrays.stream(columns).map(c -> String.valueOf(row.get(c))).toList();
    }

    String token(Caller as) {
        return api.identityProvider().token(as);
    }

    String ticket(Caller as) {
        return api.ticket(token(as));
    }

    static Map<String, String> bearer(String token) {
        return Map.of("Authorization", "Bearer " + token);
    }

    static Map<String, String> withOrigin(Map<String, String> headers, String origin) {
        var all = new java.util.HashMap<>(headers);
        all.put("Origin", origin);
        return all;
    }

    String send(String conversation, String text) {
        var reply = api.send(RIVERA, conversation, UUID.randomUUID().toString(), "<p>" + text + "</p>");
        assertEquals(201, reply.status(), reply::toString);
        return reply.json().getString("id");
    }

    long cursorNow(Caller as) {
        long cursor = 0;
        while (true) {
            var page = api.get(as, "/events?after=" + cursor).json();
            var next = page.getJsonNumber("cursor").longValue();
            if (page.getJsonArray("events").isEmpty()) {
                return next;
            }
            cursor = next;
        }
    }

    /** The events GET /api/events answers after {@code from}, up to {@code through}. */
    List<JsonObject> rest(Caller as, long from, long through) {
        var events = new ArrayList<JsonObject>();
        var cursor = from;
        while (cursor < through) {
            var page = api.get(as, "/events?after=" + cursor).json();
            page.getJsonArray("events").getValuesAs(JsonObject.class).stream().filter(e -> cursor(e) <= through).forEach(events::add);
            cursor = page.getJsonNumber("cursor").longValue();
        }
        return events;
    }

    static List<String> created(List<JsonObject> events) {
        return events.stream().filter(e -> e.getString("type").equals("message.created")).map(e -> e.getString("messageId")).toList();
    }

    static long cursor(JsonObject event) {
        return event.getJsonNumber("cursor").longValue();
    }

    static void assertIncreasingByOne(List<JsonObject> events) {
        var seen = new HashSet<Long>();
        for (int i = 0; i < events.size(); i++) {
            assertTrue(seen.add(cursor(events.get(i))), "each event once");
            if (i > 0) {
                assertEquals(cursor(events.get(i - 1)) + 1, cursor(events.get(i)), "cursors in order without gaps");
            }
        }
    }
}
