package care.messaging.conversation.entity;

import static org.junit.jupiter.api.Assertions.assertEquals;

import care.messaging.conversation.entity.Sending.Facts;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class ReachTest {

    @Test
    void nobodyCountsEveryReasonAsZero() {
        assertEquals(new Reach(0, 0, Map.of("client-discharged", 0, "messaging-off", 0, "messaging-disabled", 0)), Reach.none());
        assertEquals(List.copyOf(Reach.none().refused().keySet()), Reach.REASONS);
    }

    @Test
    void eachCombinationOfFactsIsCountedUnderTheReasonAPractitionersSendWouldMeet() {
        var blocked = new Facts(true, true, true, true, true);
        var switchedOff = new Facts(true, true, false, false, true);
        var dischargedWhileThePracticeIsOff = new Facts(false, false, true, false, false);

        var reach = Reach.none().with(Sending.of(blocked, false), 5).with(Sending.of(switchedOff, false), 2)
                .with(Sending.of(dischargedWhileThePracticeIsOff, false), 1);

        assertEquals(new Reach(8, 5, Map.of("client-discharged", 1, "messaging-off", 0, "messaging-disabled", 2)), reach);
    }
}
