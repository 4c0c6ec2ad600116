package care.messaging.delivery.control;

import jakarta.enterprise.context.ApplicationScoped;
import java.util.Collection;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArraySet;

/**
 * This node's waiting readers (long polls, sockets), by account. A hint says "these accounts have new
 * events"; each woken reader reads them from the table itself, so a lost or duplicated hint costs a
 * query, never an event. Nothing here is authoritative.
 */
@ApplicationScoped
public class EventHub {

    /** A waiting reader: {@link #wake()} must return at once (hand the work to another thread). */
    public interface Waiter {
        void wake();
    }

    /** Stops the hints for one waiter. */
    public interface Subscription extends AutoCloseable {
        @Override
        void close();
    }

    private final Map<UUID, Set<Waiter>> waiters = new ConcurrentHashMap<>();

    public Subscription subscribe(UUID account, Waiter waiter) {
        waiters.computeIfAbsent(account, a -> new CopyOnWriteArraySet<>()).add(waiter);
        return () -> waiters.computeIfPresent(account, (a, set) -> {
            set.remove(waiter);
            return set.isEmpty() ? null : set;
        });
    }

    public void hint(Collection<UUID> accounts) {
        for (var account : accounts) {
            var set = waiters.get(account);
            if (set != null) {
                set.forEach(EventHub::wake);
            }
        }
    }

    /** After the listener (re)connects, hints may have been missed: every waiter looks again. */
    public void hintAll() {
        waiters.values().forEach(set -> set.forEach(EventHub::wake));
    }

    public int waiting() {
        return waiters.values().stream().mapToInt(Set::size).sum();
    }

    private static void wake(Waiter waiter) {
        try {
            waiter.wake();
        } catch (RuntimeException e) {
            System.getLogger(EventHub.class.getName()).log(System.Logger.Level.WARNING, "A waiter failed to wake", e);
        }
    }
}
