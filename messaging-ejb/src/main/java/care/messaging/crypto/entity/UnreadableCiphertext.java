package care.messaging.crypto.entity;

/**
 * A stored value that does not open: tampered, copied from another row, or sealed with a key this node
 * does not hold. Carries only the column and the row id, never content.
 */
public class UnreadableCiphertext extends RuntimeException {

    private final EncryptedColumn column;
    private final transient Object rowId;
    private final Integer keyId;

    public UnreadableCiphertext(EncryptedColumn column, Object rowId, Integer keyId, Throwable cause) {
        super(column.label() + " of row " + rowId + " does not decrypt (key " + keyId + ")", cause, false, false);
        this.column = column;
        this.rowId = rowId;
        this.keyId = keyId;
    }

    public EncryptedColumn column() {
        return column;
    }

    public Object rowId() {
        return rowId;
    }

    public Integer keyId() {
        return keyId;
    }
}
