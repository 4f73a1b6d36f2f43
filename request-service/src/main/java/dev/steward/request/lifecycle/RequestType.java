package dev.steward.request.lifecycle;

/** The rights a data subject may exercise under the policy (§6, §8, §13). */
public enum RequestType { ACCESS, RECTIFICATION, ERASURE, RESTRICTION, COMPLAINT }
