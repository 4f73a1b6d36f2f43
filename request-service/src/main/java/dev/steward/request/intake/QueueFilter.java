package dev.steward.request.intake;

import dev.steward.platform.problem.Problem;
import dev.steward.platform.problem.ProblemException;
import dev.steward.request.deadline.Jurisdiction;
import dev.steward.request.lifecycle.RequestStatus;
import dev.steward.request.lifecycle.RequestType;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.HexFormat;
import java.util.Objects;

/**
 * The filters and order of the request queue ({@code GET /requests}), checked: an unknown value is a
 * 400 naming its parameter. {@link #fingerprint()} goes into every cursor, so a cursor only continues
 * the list it came from (same filters, same sort).
 */
public record QueueFilter(RequestStatus status, String view, RequestType type, Jurisdiction jurisdiction,
                          LocalDate receivedFrom, LocalDate receivedTo, String subjectId, String org, Sort sort) {

    /** The orders a queue can have; {@code -} means descending. */
    public enum Sort {
        RECEIVED("received", "receivedAt", false), NEWEST("-received", "receivedAt", true),
        DUE("due", "dueAt", false), LATEST_DUE("-due", "dueAt", true);

        final String param;
        final String column;
        final boolean descending;

        Sort(String param, String column, boolean descending) {
            this.param = param;
            this.column = column;
            this.descending = descending;
        }

        String column() {
            return column;
        }

        boolean descending() {
            return descending;
        }

        static Sort parse(String value) {
            for (Sort s : values()) {
                if (s.param.equals(value)) {
                    return s;
                }
            }
            throw ProblemException.badRequest("Unknown sort", new Problem.FieldError("sort", "must be received, -received, due or -due"));
        }
    }

    /** The checked filter; {@code sort} defaults to due date for a {@code view}, newest first otherwise. */
    public static QueueFilter of(RequestStatus status, String view, RequestType type, Jurisdiction jurisdiction,
                                 String receivedFrom, String receivedTo, String subjectId, String org, String sort) {
        if (view != null && !view.equals("overdue") && !view.equals("due-soon")) {
            throw ProblemException.badRequest("Unknown view", new Problem.FieldError("view", "must be overdue or due-soon"));
        }
        LocalDate from = date("receivedFrom", receivedFrom);
        LocalDate to = date("receivedTo", receivedTo);
        if (from != null && to != null && to.isBefore(from)) {
            throw ProblemException.badRequest("receivedTo is before receivedFrom",
                    new Problem.FieldError("receivedTo", "must not be before receivedFrom"));
        }
        Sort order = sort == null ? (view != null ? Sort.DUE : Sort.NEWEST) : Sort.parse(sort);
        return new QueueFilter(status, view, type, jurisdiction, from, to, blankToNull(subjectId), blankToNull(org), order);
    }

    private static LocalDate date(String name, String value) {
        if (value == null) {
            return null;
        }
        try {
            return LocalDate.parse(value);
        } catch (DateTimeParseException e) {
            throw ProblemException.badRequest("Not a date", new Problem.FieldError(name, "must be an ISO date such as 2026-11-01"));
        }
    }

    private static String blankToNull(String s) {
        return s == null || s.isEmpty() ? null : s;
    }

    /** A digest of everything that shapes the list; a cursor carries it and is refused under other filters. */
    public String fingerprint() {
        String all = String.join("\u0000", Objects.toString(status), Objects.toString(view), Objects.toString(type),
                Objects.toString(jurisdiction), Objects.toString(receivedFrom), Objects.toString(receivedTo),
                Objects.toString(subjectId), Objects.toString(org), sort.param);
        try {
            byte[] d = MessageDigest.getInstance("SHA-256").digest(all.getBytes(StandardCharsets.UTF_8));
            return HexFormat.of().formatHex(d, 0, 8);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
