package dev.steward.account.consent;

import jakarta.persistence.Entity;
import jakarta.persistence.IdClass;
import java.time.Instant;

/** Whether a visitor's last consent choice came with Global Privacy Control ({@code Sec-GPC: 1}), and when. */
@Entity
@IdClass(PerSubject.Key.class)
public class PrivacySignal extends PerSubject {

    public boolean gpc;
    public Instant receivedAt;
}
