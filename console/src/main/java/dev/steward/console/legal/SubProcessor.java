package dev.steward.console.legal;

import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

/** A registered sub-processor (§5, §7, §9). */
public record SubProcessor(UUID id, String name, String purpose, List<String> dataCategories, String country,
                           boolean agreementInForce, LocalDate agreementSince, String createdBy) {
}
