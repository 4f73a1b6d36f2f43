package dev.steward.disclosure.ledger;

/**
 * The result of recomputing the chain over {@code [from, to]}. {@code firstBroken} is the first
 * sequence number whose entry (or covered record, or place in the chain) does not check out.
 */
public record Verification(boolean valid, long from, long to, long checked, Long firstBroken, String problem,
                           long size, String headHash) {
}
