package dev.steward.account.erasure;

import java.util.List;

/** What an erasure removed and what it kept, under which §8 exception. */
public record ErasureReceipt(String requestId, List<Erased> erased, List<Kept> kept) {

    public record Erased(String what, long count) {
    }

    public record Kept(String what, long count, String exception, String reason) {
    }
}
