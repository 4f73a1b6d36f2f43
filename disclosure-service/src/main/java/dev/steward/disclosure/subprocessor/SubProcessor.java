package dev.steward.disclosure.subprocessor;

import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

/**
 * A sub-processor as published. {@code flagged} is true when no agreement with at least the
 * policy's protections is in force (§5, §7): the compliance report lists those.
 */
public record SubProcessor(UUID id, String name, String purpose, List<String> dataCategories,
                           String country, boolean agreementInForce, LocalDate agreementSince,
                           boolean flagged) {
}
