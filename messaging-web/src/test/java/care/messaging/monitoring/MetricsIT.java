package care.messaging.monitoring;

import static org.junit.jupiter.api.Assertions.assertAll;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import care.messaging.testing.MicroNode;
import care.messaging.ui.WebApp;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.WebSocket;
import java.time.Duration;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.function.Predicate;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * The node's own metrics as Prometheus reads them from Payara Micro's {@code /metrics}: a send, a refused send, an
 * open socket and a held long poll move their numbers; no label names a person, and nothing of the message is there.
 * Other test classes share the node, so each figure is compared with its value just before, as at least one more.
 */
@ExtendWith(WebApp.class)
class MetricsIT {

    static final HttpClient HTTP = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();
    static final Pattern LINE = Pattern.compile("^(messaging_[a-z_]+)(\\{[^}]*\\})? (\\S+)$");
    static final Set<String> LABELS = Set.of("mp_scope", "reason", "type", "verdict");

    @Test
    void aSendARefusedSendASocketAndALongPollMoveTheirNumbersWithoutPhi(WebApp app) throws Exception {
        var rivera = app.token("dr.rivera");
        var thread = app.conversationWith(rivera, "Alex Morgan");
        var before = metrics(app);

        var words = "metrics-" + UUID.randomUUID();
        app.send(rivera, thread, "<p>" + words + "</p>");
        var refused = app.call(rivera, "POST", "conversations/" + thread + "/messages",
                "{\"clientMessageId\":\"" + UUID.randomUUID() + "\",\"html\":\"\"}");
        assertEquals(400, refused.statusCode(), refused.body());
        assertTrue(refused.body().contains("empty-message"), refused.body());

        var after = metrics(app);
        assertAll(() -> assertTrue(value(after, "messaging_messages_sent_total", l -> true) >= value(before, "messaging_messages_sent_total", l -> true) + 1, after),
                () -> assertTrue(value(after, "messaging_messages_refused_total", l -> l.contains("reason=\"empty-message\""))
                        >= value(before, "messaging_messages_refused_total", l -> l.contains("reason=\"empty-message\"")) + 1, after),
                () -> assertTrue(value(after, "messaging_problems_total", l -> l.contains("type=\"empty-message\""))
                        >= value(before, "messaging_problems_total", l -> l.contains("type=\"empty-message\"")) + 1, after),
                () -> assertTrue(after.contains("messaging_event_listener_connected"), after),
                () -> assertEquals(1, value(after, "messaging_event_listener_connected", l -> true), "the node LISTENs"),
                () -> assertTrue(after.contains("messaging_reencryption_rows_left"), after),
                () -> assertTrue(after.contains("messaging_attachment_scans_total"), after),
                () -> assertTrue(after.contains("messaging_audit_verification_age_seconds"), after));

        var position = app.json(rivera, "GET", "events/cursor", null).getJsonNumber("cursor").longValue();
        var opened = new CountDownLatch(1);
        var socket = MicroNode.http().newWebSocketBuilder().header("Authorization", "Bearer " + rivera)
                .buildAsync(URI.create(app.url("/messaging/ws?after=" + position).replace("http:", "ws:")), new WebSocket.Listener() {
                    @Override
                    public void onOpen(WebSocket webSocket) {
                        opened.countDown();
                        webSocket.request(Long.MAX_VALUE);
                    }
                }).get(30, TimeUnit.SECONDS);
        var sockets = value(before, "messaging_sockets_open", l -> true);
        try {
            assertTrue(opened.await(30, TimeUnit.SECONDS));
            awaitAtLeast(app, "messaging_sockets_open", sockets + 1);
        } finally {
            socket.sendClose(WebSocket.NORMAL_CLOSURE, "done").get(30, TimeUnit.SECONDS);
        }

        var alex = app.token("alex.morgan");
        var cursor = app.json(alex, "GET", "events/cursor", null).getJsonNumber("cursor").longValue();
        var polls = value(metrics(app), "messaging_long_polls_waiting", l -> true);
        CompletableFuture<HttpResponse<String>> poll = HTTP.sendAsync(HttpRequest.newBuilder(URI.create(app.url(
                        "/messaging/api/events?after=" + cursor + "&wait=25"))).header("Authorization", "Bearer " + alex)
                .timeout(Duration.ofSeconds(60)).build(), HttpResponse.BodyHandlers.ofString());
        awaitAtLeast(app, "messaging_long_polls_waiting", polls + 1);
        app.send(rivera, thread, "<p>wake up</p>");
        assertEquals(200, poll.get(60, TimeUnit.SECONDS).statusCode(), "the poll is answered by the message");

        var text = metrics(app);
        assertAll(() -> assertFalse(text.contains(words), "no message text"),
                () -> assertFalse(text.contains("Rivera") || text.contains("Alex") || text.contains("rivera"), "no names"),
                () -> assertFalse(text.contains(rivera) || text.contains(thread), "no tokens, no ids"));
        for (var line : text.lines().toList()) {
            var m = LINE.matcher(line);
            if (m.matches() && m.group(2) != null) {
                for (var label : m.group(2).substring(1, m.group(2).length() - 1).split(",(?=[a-z_]+=)")) {
                    assertTrue(LABELS.contains(label.substring(0, label.indexOf('='))), "a label of a closed set only: " + line);
                }
            }
        }
    }

    static void awaitAtLeast(WebApp app, String name, double least) throws Exception {
        var deadline = System.nanoTime() + Duration.ofSeconds(30).toNanos();
        var text = metrics(app);
        while (value(text, name, l -> true) < least && System.nanoTime() < deadline) {
            Thread.sleep(200);
            text = metrics(app);
        }
        assertTrue(value(text, name, l -> true) >= least, name + " should reach " + least + ":\n" + text);
    }

    static String metrics(WebApp app) throws Exception {
        var reply = HTTP.send(HttpRequest.newBuilder(URI.create(app.url("/metrics?scope=application")))
                .header("Accept", "text/plain").timeout(Duration.ofSeconds(30)).build(), HttpResponse.BodyHandlers.ofString());
        assertEquals(200, reply.statusCode(), reply.body());
        return reply.body();
    }

    /** The sum of a metric's samples whose labels pass the filter; 0 when it has none yet. */
    static double value(String text, String name, Predicate<String> labels) {
        return text.lines().map(LINE::matcher).filter(java.util.regex.Matcher::matches)
                .filter(m -> m.group(1).equals(name) && labels.test(m.group(2) == null ? "" : m.group(2)))
                .mapToDouble(m -> Double.parseDouble(m.group(3))).sum();
    }
}
