package care.messaging.crypto.entity;

/** A column value as stored: Tink's ciphertext (its 5-byte prefix names the key) and that key's id, kept for queries. */
public record Sealed(byte[] ciphertext, int keyId) {
}
