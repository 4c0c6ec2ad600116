/**
 * Keys and authenticated encryption: the key ring loaded from IT's keystore, AEAD for row columns bound
 * to their table, row and column, key rotation and re-encryption, the audit trail's MAC key (produced for
 * the audit under the platform qualifier {@code @AuditKey}, as the audit may know no component), and the
 * search index's keyed hashes (a key per practice, derived from one master key in the keystore).
 */
package care.messaging.crypto;
