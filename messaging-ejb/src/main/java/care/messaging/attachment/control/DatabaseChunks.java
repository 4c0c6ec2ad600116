package care.messaging.attachment.control;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.util.List;
import java.util.UUID;

/**
 * Files' bytes in PostgreSQL: rows of {@code attachment_chunk}, {@value #CHUNK} bytes each (the last one
 * shorter), numbered from 0. Written through the persistence context's connection, so the chunks commit or
 * roll back with the caller's transaction and see its attachment row; read one chunk per query, so a
 * download holds one chunk at a time and needs no transaction.
 */
@ApplicationScoped
public class DatabaseChunks implements AttachmentStore {

    static final int CHUNK = 1024 * 1024;

    @PersistenceContext
    EntityManager em;

    @Override
    public OutputStream writer(UUID attachmentId) {
        return new OutputStream() {
            private final byte[] buffer = new byte[CHUNK];
            private int filled;
            private int chunkNo;
            private boolean closed;

            @Override
            public void write(int b) throws IOException {
                write(new byte[] {(byte) b}, 0, 1);
            }

            @Override
            public void write(byte[] bytes, int offset, int length) throws IOException {
                if (closed) {
                    throw new IOException("the file's bytes are complete");
                }
                while (length > 0) {
                    var n = Math.min(length, CHUNK - filled);
                    System.arraycopy(bytes, offset, buffer, filled, n);
                    filled += n;
                    offset += n;
                    length -= n;
                    if (filled == CHUNK) {
                        insert();
                    }
                }
            }

            @Override
            public void close() {
                if (!closed) {
                    closed = true;
                    if (filled > 0 || chunkNo == 0) {
                        insert();
                    }
                }
            }

            private void insert() {
                var bytes = filled == CHUNK ? buffer : java.util.Arrays.copyOf(buffer, filled);
                em.createNativeQuery("INSERT INTO attachment_chunk (attachment_id, chunk_no, bytes) VALUES (?1, ?2, ?3)")
                        .setParameter(1, attachmentId).setParameter(2, chunkNo++).setParameter(3, bytes)
                        .executeUpdate();
                filled = 0;
            }
        };
    }

    @Override
    public InputStream reader(UUID attachmentId) {
        return new InputStream() {
            private byte[] chunk = new byte[0];
            private int position;
            private int next;
            private boolean ended;

            @Override
            public int read() throws IOException {
                var one = new byte[1];
                return read(one, 0, 1) < 0 ? -1 : one[0] & 0xff;
            }

            @Override
            public int read(byte[] into, int offset, int length) {
                if (length == 0) {
                    return 0;
                }
                while (position == chunk.length) {
                    if (ended || !fetch()) {
                        ended = true;
                        return -1;
                    }
                }
                var n = Math.min(length, chunk.length - position);
                System.arraycopy(chunk, position, into, offset, n);
                position += n;
                return n;
            }

            private boolean fetch() {
                List<?> rows = em.createNativeQuery("SELECT bytes FROM attachment_chunk WHERE attachment_id = ?1 AND chunk_no = ?2")
                        .setParameter(1, attachmentId).setParameter(2, next).getResultList();
                if (rows.isEmpty()) {
                    return false;
                }
                chunk = (byte[]) rows.get(0);
                position = 0;
                next++;
                return true;
            }
        };
    }

    @Override
    public void delete(UUID attachmentId) {
        em.createNativeQuery("DELETE FROM attachment_chunk WHERE attachment_id = ?1").setParameter(1, attachmentId).executeUpdate();
    }
}
