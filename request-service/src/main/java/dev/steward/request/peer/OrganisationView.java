package dev.steward.request.peer;

/** What request-service needs of account-service's organisation (unknown fields are ignored). */
@com.fasterxml.jackson.annotation.JsonIgnoreProperties(ignoreUnknown = true)
public record OrganisationView(String id, String name, String status) {
}
