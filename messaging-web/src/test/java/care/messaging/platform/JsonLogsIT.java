package care.messaging.platform;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import care.messaging.platform.control.SecurityLog;
import care.messaging.testing.Cluster;
import care.messaging.testing.MicroNode;
import jakarta.json.Json;
import jakarta.json.JsonObject;
import java.io.StringReader;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/**
 * Payara Micro started as IT would start it for a SIEM, with {@code config/payara-micro/logging-json.properties}:
 * every line of its console is one JSON object, the application's security events are marked by their logger's name,
 * and a send's words, the people's names and the tokens are in no line.
 */
class JsonLogsIT {

    @Test
    void everyLineIsOneJsonObjectAndSecurityEventsAreMarkedWithoutPhi() throws Exception {
        var database = System.getenv("DB_NAME") + "_jsonlogs";
        Cluster.admin("CREATE DATABASE " + database);
        var postBoot = Path.of(System.getProperty("messaging.it.post-boot"));
        var logging = postBoot.resolveSibling("logging-json.properties");
        // As operations.md tells IT: without set-log-levels, which reloads Micro's logging without the JSON formatter.
        var jsonPostBoot = Path.of(System.getProperty("messaging.it.micro-jar")).resolveSibling("post-boot-json.asadmin");
        java.nio.file.Files.write(jsonPostBoot, java.nio.file.Files.readAllLines(postBoot).stream().filter(l -> !l.startsWith("set-log-levels")).toList());
        try (var node = MicroNode.start("json-logs", MicroNode.freePort(), Cluster.nodeOptions("json-logs",
                List.of("-Djava.util.logging.config.file=" + logging)),
                List.of("--logproperties", logging.toString(), "--postbootcommandfile", jsonPostBoot.toString()), Map.of("DB_NAME", database), List.of())) {
            node.awaitReady(Duration.ofMinutes(6));
            var rivera = node.login("dr.rivera");
            var conversation = MicroNode.json(node.call(rivera, "GET", "/messaging/api/conversations?limit=200", null, Duration.ofSeconds(30)))
                    .getJsonArray("items").getValuesAs(JsonObject.class).stream()
                    .filter(c -> c.getJsonObject("counterpart").getString("displayName").equals("Alex Morgan"))
                    .findFirst().orElseThrow().getString("id");
            var words = "json-logs-" + UUID.randomUUID();
            var sent = node.call(rivera, "POST", "/messaging/api/conversations/" + conversation + "/messages",
                    "{\"clientMessageId\":\"" + UUID.randomUUID() + "\",\"html\":\"<p>" + words + "</p>\"}", Duration.ofSeconds(30));
            assertEquals(201, sent.statusCode(), sent.body());
            var forged = rivera.substring(0, rivera.lastIndexOf('.') + 1) + "forged";
            assertEquals(401, node.call(forged, "GET", "/messaging/api/conversations", null, Duration.ofSeconds(30)).statusCode());

            var deadline = System.nanoTime() + Duration.ofSeconds(30).toNanos();
            List<JsonObject> records = parse(node.log());
            while (records.stream().noneMatch(JsonLogsIT::refusal) && System.nanoTime() < deadline) {
                Thread.sleep(250);
                records = parse(node.log());
            }
            assertTrue(records.stream().anyMatch(JsonLogsIT::refusal), "the refused token is a security event, marked by its logger");
            assertTrue(records.size() > 10, "Micro's own lines are JSON too: " + records.size());
            var log = node.log();
            assertFalse(log.contains(words), "no message text in the log");
            assertFalse(log.contains(rivera) || log.contains(forged), "no token in the log");
            assertFalse(log.contains("Alex Morgan"), "no client's name in the log");
        } finally {
            Cluster.admin("DROP DATABASE IF EXISTS " + database + " WITH (FORCE)");
        }
    }

    static boolean refusal(JsonObject record) {
        return SecurityLog.NAME.equals(record.getString("LoggerName", null))
                && record.getString("LogMessage", "").contains("refused credentials");
    }

    /** Every non-empty line as a JSON object; a line that is not one fails the test, naming it. */
    static List<JsonObject> parse(String log) {
        var records = new ArrayList<JsonObject>();
        for (var line : log.split("\n")) {
            if (line.isBlank()) {
                continue;
            }
            try (var reader = Json.createReader(new StringReader(line))) {
                records.add(reader.readObject());
            } catch (RuntimeException e) {
                throw new AssertionError("not one JSON object per line: " + line + "\n" + log, e);
            }
        }
        return records;
    }
}
