package dev.steward.account.platform.crypto;

import io.smallrye.config.ConfigMapping;
import java.time.Duration;

/** {@code steward.crypto.*}: the master key and blind-index key (base64 Tink keyset JSON, from env); defaults in application.properties. */
@ConfigMapping(prefix = "steward.crypto")
public interface CryptoConfig {

    /** Base64 of the Tink JSON keyset (AES256_GCM) that wraps the per-subject data keys. */
    String masterKey();

    /** Base64 of the Tink JSON keyset (HMAC_SHA256_PRF) of the blind index. */
    String blindIndexKey();

    /** How long an unwrapped data key stays in memory. */
    Duration keyCacheTtl();

    /** At most this many unwrapped data keys in memory. */
    int keyCacheSize();
}
