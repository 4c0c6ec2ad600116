/**
 * Files sent with messages, as far as built: the malware scan, the type, the display name and the
 * encrypted storage of a file, with no use case, API or app on top yet.
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
