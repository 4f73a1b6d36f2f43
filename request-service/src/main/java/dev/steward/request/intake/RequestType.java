package dev.steward.request.intake;

/** The rights a data subject may exercise under the policy (§6, §8, §13). */
public enum RequestType { ACCESS, RECTIFICATION, ERASURE, RESTRICTION, COMPLAINT }
