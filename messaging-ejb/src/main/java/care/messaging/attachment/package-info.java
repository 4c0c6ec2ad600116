/**
 * Files sent with messages, as far as built: the malware scan by a real ClamAV daemon over its INSTREAM
 * protocol. The scan is a conversation fed chunk by chunk ({@code MalwareScanner.Scan}) rather than a call
 * taking the whole file, so the upload can store and scan the same chunks as they arrive and no file ever
 * sits whole in the heap. A scanner that cannot be reached, times out or answers an error is its own verdict
 * ({@code ScanVerdict.Unavailable}), never "clean": what the upload does with it (hold the file as
 * "scanning", or refuse it) is the caller's decision, so the scanner fails closed by construction.
 */
package care.messaging.attachment;
