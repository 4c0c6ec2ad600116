package care.messaging.crypto.entity;

/**
 * Every column that holds ciphertext, with the column that records its key id. Rotation status,
 * re-encryption and key retirement walk this list, so a feature that stores encrypted text (drafts,
 * announcements, out-of-office texts) adds its column here and is covered by all three.
 */
public enum EncryptedColumn {

    MESSAGE_BODY("message", "body", "body_key"),
    CONVERSATION_PREVIEW("conversation", "preview", "preview_key"),
    EMERGENCY_REASON("emergency_access", "reason", "reason_key"),
    /** A participant's unsent message, bound to its conversation_state row. */
    DRAFT("conversation_state", "draft", "draft_key"),
    /** A file's display name (names of files carry PHI); its bytes are a stream, see FileCipher and KeyUsage. */
    ATTACHMENT_NAME("attachment", "display_name", "display_name_key"),
    /** An out-of-office period's automatic reply, bound to its absence row. */
    ABSENCE_REPLY("absence", "reply", "reply_key"),
    /** An announcement's text while its delivery waits or runs (erased when it ends), bound to its announcement row. */
    ANNOUNCEMENT_BODY("announcement", "body", "body_key");

    private final String table;
    private final String column;
    private final String keyColumn;

    EncryptedColumn(String table, String column, String keyColumn) {
        this.table = table;
        this.column = column;
        this.keyColumn = keyColumn;
    }

    public String table() {
        return table;
    }

    public String column() {
        return column;
    }

    public String keyColumn() {
        return keyColumn;
    }

    /** The name status reports use, e.g. message.body. */
    public String label() {
        return table + "." + column;
    }

    /**
     * Associated data: the ciphertext only opens for this table, column and row, so a value copied into
     * another row or column fails authentication instead of showing the wrong text.
     */
    public byte[] associatedData(Object rowId) {
        return ("care-messaging/v1/" + table + "/" + column + "/" + rowId).getBytes(java.nio.charset.StandardCharsets.UTF_8);
    }
}
