package dev.steward.console.peer;

/**
 * A peer could not be reached or answered 5xx. The console never retries a change on its own, so
 * the page can truthfully say that nothing was changed by this console.
 */
public class PeerUnavailable extends RuntimeException {

    private final String service;

    public PeerUnavailable(String service, Throwable cause) {
        super(service + " unavailable", cause, false, false);
        this.service = service;
    }

    public String service() {
        return service;
    }
}
