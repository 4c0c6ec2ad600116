package care.messaging.audit.entity;

import java.util.List;
import java.util.Objects;
import java.util.UUID;

/**
 * The result of verifying one or more chains: intact ({@code ok}, with how many rows were checked and
 * where each chain's head stood, which IT may keep outside the database to notice a later truncation),
 * or the first broken link.
 */
public record Verification(boolean ok, long rowsChecked, List<Head> heads, BrokenLink broken) {

    /** A chain's head as verified: its last row number and that row's hash (hex). */
    public record Head(UUID chain, long lastNo, String lastHash) {
    }

    public static Verification of(List<ChainCheck> checks) {
        var broken = checks.stream().map(ChainCheck::broken).filter(Objects::nonNull).findFirst().orElse(null);
        return new Verification(broken == null, checks.stream().mapToLong(ChainCheck::intact).sum(),
                checks.stream().map(ChainCheck::headRow).filter(Objects::nonNull).toList(), broken);
    }
}
