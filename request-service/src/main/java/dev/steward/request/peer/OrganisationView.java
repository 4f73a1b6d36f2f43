package dev.steward.request.peer;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;

/** What request-service needs of account-service's organisation (unknown fields are ignored). */
@JsonIgnoreProperties(ignoreUnknown = true)
public record OrganisationView(String id, String name, String status, String callbackUrl, String callbackSecret) {
}
