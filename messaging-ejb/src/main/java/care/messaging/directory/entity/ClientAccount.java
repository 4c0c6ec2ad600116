package care.messaging.directory.entity;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.IdClass;
import jakarta.persistence.Table;
import java.io.Serializable;
import java.util.Objects;
import java.util.UUID;

/** A portal account acting for a client: as the client themself, or as one of a minor's guardians. */
@Entity
@Table(name = "client_account")
@IdClass(ClientAccount.Key.class)
public class ClientAccount {

    public enum Relationship { self, guardian }

    @Id
    @Column(name = "client_id")
    private UUID clientId;
    @Id
    @Column(name = "account_id")
    private UUID accountId;
    @Enumerated(EnumType.STRING)
    private Relationship relationship;

    protected ClientAccount() {
    }

    public ClientAccount(UUID clientId, UUID accountId, Relationship relationship) {
        this.clientId = clientId;
        this.accountId = accountId;
        this.relationship = relationship;
    }

    public static class Key implements Serializable {
        UUID clientId;
        UUID accountId;

        @Override
        public boolean equals(Object o) {
            return o instanceof Key k && Objects.equals(clientId, k.clientId) && Objects.equals(accountId, k.accountId);
        }

        @Override
        public int hashCode() {
            return Objects.hash(clientId, accountId);
        }
    }
}
