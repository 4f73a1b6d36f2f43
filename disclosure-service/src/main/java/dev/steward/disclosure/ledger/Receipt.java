package dev.steward.disclosure.ledger;

/** A durable ledger entry: its sequence number and its hash (which chains in the previous one's). */
public record Receipt(long seq, String hash) {
}
