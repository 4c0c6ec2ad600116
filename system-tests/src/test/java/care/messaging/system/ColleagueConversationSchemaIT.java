package care.messaging.system;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.sql.SQLException;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * The schema the EAR migrates to for colleague (practitioner-to-practitioner) conversations:
 * a conversation is of a kind, a colleague pair has one conversation however it is named, and
 * the parties must fit the kind. The API on top of it comes later; client conversations are unchanged
 * (every other system test runs on them).
 */
@ExtendWith(PayaraServer.class)
class ColleagueConversationSchemaIT {

    static final String INSERT = """
            INSERT INTO conversation (id, practice_id, practitioner_id, client_id, colleague_id, kind, created_at, last_activity_at)
            VALUES (?, ?, ?, ?, ?, ?, now(), now())""";

    final SeededPeople people;
    final Sql sql;

    ColleagueConversationSchemaIT(SeededPeople people, Sql sql) {
        this.people = people;
        this.sql = sql;
    }

    @Test
    void aColleaguePairHasOneConversationStoredInUuidOrder() {
        var practice = people.practice();
        var one = people.practitioner(practice, "Dr. One");
        var other = people.practitioner(practice, "Dr. Other");
        var practiceId = practiceOf(one);
        var low = (UUID) sql.value("SELECT least(?::uuid, ?::uuid)", one.id(), other.id());
        var high = low.equals(one.id()) ? other.id() : one.id();

        assertEquals(1, sql.update(INSERT, UUID.randomUUID(), practiceId, low, null, high, "colleague"));
        assertRefused("the same pair again", () -> sql.update(INSERT, UUID.randomUUID(), practiceId, low, null, high, "colleague"));
        assertRefused("the pair named the other way round", () -> sql.update(INSERT, UUID.randomUUID(), practiceId, high, null, low, "colleague"));
        assertRefused("a practitioner with themself", () -> sql.update(INSERT, UUID.randomUUID(), practiceId, low, null, low, "colleague"));
    }

    @Test
    void thePartiesMustFitTheKind() {
        var practice = people.practice();
        var one = people.practitioner(practice, "Dr. Kind");
        var other = people.practitioner(practice, "Dr. Fit");
        var client = people.client(practice, "Kim Fit", false);
        var practiceId = practiceOf(one);
        var low = (UUID) sql.value("SELECT least(?::uuid, ?::uuid)", one.id(), other.id());
        var high = low.equals(one.id()) ? other.id() : one.id();

        assertRefused("a colleague conversation with a client", () -> sql.update(INSERT, UUID.randomUUID(), practiceId, low, client.id(), high, "colleague"));
        assertRefused("a colleague conversation without a colleague", () -> sql.update(INSERT, UUID.randomUUID(), practiceId, low, null, null, "colleague"));
        assertRefused("a client conversation without a client", () -> sql.update(INSERT, UUID.randomUUID(), practiceId, one.id(), null, null, "client"));
        assertRefused("a client conversation with a colleague", () -> sql.update(INSERT, UUID.randomUUID(), practiceId, one.id(), client.id(), other.id(), "client"));
        assertRefused("an unknown kind", () -> sql.update(INSERT, UUID.randomUUID(), practiceId, low, null, high, "group"));

        var id = UUID.randomUUID();
        sql.update("""
                INSERT INTO conversation (id, practice_id, practitioner_id, client_id, created_at, last_activity_at)
                VALUES (?, ?, ?, ?, now(), now())""", id, practiceId, one.id(), client.id());
        assertEquals("client", sql.value("SELECT kind FROM conversation WHERE id = ?", id), "a row written as before is a client conversation");
    }

    UUID practiceOf(SeededPeople.Person person) {
        return (UUID) sql.value("SELECT practice_id FROM account WHERE id = ?", person.id());
    }

    static void assertRefused(String what, Runnable insert) {
        var refused = assertThrows(IllegalStateException.class, insert::run, what);
        assertTrue(refused.getCause() instanceof SQLException, what);
        var state = ((SQLException) refused.getCause()).getSQLState();
        assertTrue("23505".equals(state) || "23514".equals(state), what + ": refused by a constraint, was " + state);
    }
}
