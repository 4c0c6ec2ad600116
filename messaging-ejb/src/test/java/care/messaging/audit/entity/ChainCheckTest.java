package care.messaging.audit.entity;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import care.messaging.platform.entity.Actor;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import javax.crypto.spec.SecretKeySpec;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** A chain of five rows as the application writes them, then changed the ways someone with the database could. */
class ChainCheckTest {

    static final SecretKeySpec KEY = new SecretKeySpec("a key the database never sees....".getBytes(), "HmacSHA256");
    static final UUID PRACTICE = UUID.randomUUID();

    List<AuditEvent> rows;

    @BeforeEach
    void writeAChain() {
        rows = new ArrayList<>();
        var previous = AuditEvent.GENESIS;
        for (var no = 1; no <= 5; no++) {
            var event = AuditEvent.of(OffsetDateTime.now(), Actor.account(UUID.randomUUID(), PRACTICE, "client"),
                    Action.MESSAGE_CREATE, null, Outcome.SUCCESS, null, Targets.conversation(UUID.randomUUID(), UUID.randomUUID()),
                    new Origin("127.0.0.1", "request-" + no)).link(no, previous).seal(KEY);
            rows.add(event);
            previous = event.hash();
        }
    }

    @Test
    void anUntouchedChainIsIntact() {
        var check = walk(rows, 5, last());

        assertNull(check.broken());
        assertEquals(5, check.intact());
        assertTrue(Verification.of(List.of(check)).ok());
    }

    @Test
    void anEmptyChainIsIntact() {
        var check = walk(List.of(), 0, AuditEvent.GENESIS);

        assertNull(check.broken());
        assertEquals(0, check.intact());
    }

    @Test
    void aChangedRowIsAHashMismatchAtThatRow() {
        var third = rows.get(2);
        rows.set(2, new AuditEvent(third.no(), third.at(), third.practiceId(), third.actor(), third.action(),
                third.attemptedAction(), "denied", third.reason(), third.targets(), third.origin(), third.prevHash(), third.hash()));

        assertBroken(3, BrokenLink.HASH_MISMATCH, walk(rows, 5, last()));
    }

    @Test
    void aRowMovedToAnotherChainIsAHashMismatch() {
        var third = rows.get(2);
        rows.set(2, new AuditEvent(third.no(), third.at(), UUID.randomUUID(), third.actor(), third.action(),
                third.attemptedAction(), third.outcome(), third.reason(), third.targets(), third.origin(), third.prevHash(), third.hash()));

        assertBroken(3, BrokenLink.HASH_MISMATCH, walk(rows, 5, last()));
    }

    @Test
    void aDeletedMiddleRowIsAGapWhereItWas() {
        rows.remove(1);

        assertBroken(2, BrokenLink.GAP, walk(rows, 5, last()));
    }

    @Test
    void aDeletedLastRowIsAHeadMismatch() {
        rows.remove(4);

        assertBroken(5, BrokenLink.HEAD_MISMATCH, walk(rows, 5, rows.get(4 - 1).prevHash()));
    }

    @Test
    void aHeadRewrittenToMatchATruncatedChainStillDisagreesOnTheHash() {
        var lastHash = last();
        rows.remove(4);

        assertBroken(4, BrokenLink.HEAD_MISMATCH, walk(rows, 4, lastHash));
    }

    @Test
    void aRowWhoseLinkWasEditedIsAPrevMismatch() {
        var fourth = rows.get(3);
        rows.set(3, new AuditEvent(fourth.no(), fourth.at(), fourth.practiceId(), fourth.actor(), fourth.action(),
                fourth.attemptedAction(), fourth.outcome(), fourth.reason(), fourth.targets(), fourth.origin(),
                rows.get(0).hash(), fourth.hash()));

        assertBroken(4, BrokenLink.PREV_MISMATCH, walk(rows, 5, last()));
    }

    @Test
    void aForgedRowAppendedWithItsHeadIsAHashMismatch() {
        var fifth = rows.get(4);
        var forged = new AuditEvent(6, fifth.at(), PRACTICE, fifth.actor(), "conversation.read", null, "success",
                null, fifth.targets(), fifth.origin(), fifth.hash(), fifth.hash());
        rows.add(forged);

        assertBroken(6, BrokenLink.HASH_MISMATCH, walk(rows, 6, forged.hash()));
    }

    @Test
    void aRowPastTheHeadIsAHeadMismatch() {
        var check = walk(rows, 5, last());
        check.beyondHead(6);

        assertBroken(6, BrokenLink.HEAD_MISMATCH, check);
    }

    @Test
    void onlyTheFirstBreakIsReported() {
        rows.remove(3);
        rows.remove(1);

        assertBroken(2, BrokenLink.GAP, walk(rows, 5, last()));
    }

    byte[] last() {
        return rows.get(rows.size() - 1).hash();
    }

    static ChainCheck walk(List<AuditEvent> rows, long headNo, byte[] headHash) {
        var check = new ChainCheck(PRACTICE, KEY);
        for (var row : rows) {
            if (!check.accept(row)) {
                break;
            }
        }
        check.head(headNo, headHash);
        return check;
    }

    static void assertBroken(long no, String reason, ChainCheck check) {
        assertEquals(new BrokenLink(PRACTICE, no, reason), check.broken());
        var verification = Verification.of(List.of(check));
        assertEquals(false, verification.ok());
        assertEquals(check.broken(), verification.broken());
    }
}
