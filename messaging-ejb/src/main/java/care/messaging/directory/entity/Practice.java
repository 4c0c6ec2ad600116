package care.messaging.directory.entity;

import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.util.UUID;

@Entity
@Table(name = "practice")
public class Practice {

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
