package care.messaging.directory.entity;

import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.util.UUID;

@Entity
@Table(name = "practice")
public class Practice {

    /** The nil practice of hospital IT's operator accounts: it holds no client, so no conversation is ever theirs. */
    public static final UUID NONE = new UUID(0, 0);

    @Id
    private UUID id;
    private String name;

    protected Practice() {
    }

    public Practice(String name) {
        this.id = UUID.randomUUID();
        this.name = name;
    }

    public UUID id() {
        return id;
    }

    public String name() {
        return name;
    }
}
