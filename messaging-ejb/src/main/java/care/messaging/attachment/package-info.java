/**
 * Files sent with messages: the malware scan, the type, the display name and the encrypted storage of a
 * file, its upload, its download by the uploader and, once sent, by whoever may read the conversation, and
 * the removal of uploads never sent. Sending itself belongs to {@code conversation} (its {@code MessageFiles}
 * attaches, lists and deletes files by statement), because this component builds on that one and not the
 * other way round; the deletion of a message's files is therefore row deletion (chunks by cascade), not
 * crypto-shredding, since a file's key is the key ring's.
 * <p>
 * An upload is one transaction and one pass over the bytes: stored and scanned buffer by buffer as they
 * arrive, so a file over the limit or with malware is refused by rolling back, which leaves no row and no
 * chunk. Malware is refused as a policy decision so that its audit row, written aside, outlives that
 * rollback.
 * <p>
 * The scan is a conversation with a real ClamAV daemon over its INSTREAM protocol, fed chunk by chunk
 * ({@code MalwareScanner.Scan}) rather than a call taking the whole file, so an upload can store and scan
 * the same buffers as they arrive and no file ever sits whole in the heap. A scanner that cannot be
 * reached, times out or answers an error is its own verdict ({@code ScanVerdict.Unavailable}), never
 * "clean", and leaves a file "scanning", which is not downloadable: the scan fails closed by construction.
 * <p>
 * A file's type comes from its first bytes (Tika's magic, tika-core only), never its name or declared type;
 * its name is for display only, sanitised and sealed like a message body, and nothing is stored or served
 * under it. The bytes are encrypted as a stream bound to the attachment row and stored in chunks behind
 * {@code AttachmentStore}, the seam where object storage can replace PostgreSQL.
 */
package care.messaging.attachment;
