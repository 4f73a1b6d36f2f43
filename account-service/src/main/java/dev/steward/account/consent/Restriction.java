package dev.steward.account.consent;

import jakarta.persistence.Entity;
import jakarta.persistence.IdClass;
import java.time.Instant;

/** Restriction of processing (§6) of one subject, as last set by a request. */
@Entity
@IdClass(PerSubject.Key.class)
public class Restriction extends PerSubject {

    public boolean restricted;
    public String requestId;
    public Instant updatedAt;
}
