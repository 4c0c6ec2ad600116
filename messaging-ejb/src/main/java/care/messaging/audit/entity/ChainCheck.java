package care.messaging.audit.entity;

import java.util.Arrays;
import java.util.HexFormat;
import java.util.UUID;
import javax.crypto.SecretKey;

/**
 * Walks one chain: fed its rows in {@code no} order up to the head, then the head, then the first row
 * beyond the head if there is one. Stops at the first broken link; everything before it is intact.
 */
public final class ChainCheck {

    private final UUID chain;
    private final SecretKey key;
    private long expected = 1;
    private byte[] previous = AuditEvent.GENESIS;
    private long intact;
    private Verification.Head head;
    private BrokenLink broken;

    public ChainCheck(UUID chain, SecretKey key) {
        this.chain = chain;
        this.key = key;
    }

    /** Checks the next row; answers false once the chain is broken (later rows need not be read). */
    public boolean accept(AuditEvent row) {
        if (broken != null) {
            return false;
        }
        if (row.no() != expected) {
            broken = new BrokenLink(chain, expected, BrokenLink.GAP);
        } else if (!Arrays.equals(row.prevHash(), previous)) {
            broken = new BrokenLink(chain, row.no(), BrokenLink.PREV_MISMATCH);
        } else if (!row.isSealedBy(key)) {
            broken = new BrokenLink(chain, row.no(), BrokenLink.HASH_MISMATCH);
        } else {
            previous = row.hash();
            expected++;
            intact++;
        }
        return broken == null;
    }

    /** The head row as stored (0 and the genesis hash for a chain without one). */
    public void head(long lastNo, byte[] lastHash) {
        head = new Verification.Head(chain, lastNo, HexFormat.of().formatHex(lastHash));
        if (broken != null) {
            return;
        }
        var last = expected - 1;
        if (last != lastNo) {
            // Fewer rows than the head counts: the first missing one; more: the first the head never counted.
            broken = new BrokenLink(chain, Math.min(last, lastNo) + 1, BrokenLink.HEAD_MISMATCH);
        } else if (!Arrays.equals(previous, lastHash)) {
            broken = new BrokenLink(chain, lastNo, BrokenLink.HEAD_MISMATCH);
        }
    }

    /** A row numbered past the head: the application never wrote it. */
    public void beyondHead(long no) {
        if (broken == null) {
            broken = new BrokenLink(chain, no, BrokenLink.HEAD_MISMATCH);
        }
    }

    public UUID chain() {
        return chain;
    }

    public long intact() {
        return intact;
    }

    public Verification.Head headRow() {
        return head;
    }

    public BrokenLink broken() {
        return broken;
    }
}
