package dev.steward.tlog;

/** A proof, signature or checkpoint that does not verify; the message says what failed. */
public class VerificationException extends RuntimeException {

    public VerificationException(String message) {
        super(message);
    }
}
