package dev.steward.e2e.stack;

import com.google.crypto.tink.InsecureSecretKeyAccess;
import com.google.crypto.tink.KeysetHandle;
import com.google.crypto.tink.Parameters;
import com.google.crypto.tink.TinkJsonProtoKeysetFormat;
import com.google.crypto.tink.aead.AeadConfig;
import com.google.crypto.tink.aead.PredefinedAeadParameters;
import com.google.crypto.tink.prf.PredefinedPrfParameters;
import com.google.crypto.tink.prf.PrfConfig;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Keys the services' prod profile needs, generated fresh for each stack (no key is kept in the
 * repository, and each start is a fresh database anyway):
 * account-service's {@code MASTER_KEY} (base64 Tink JSON AES256-GCM keyset, wraps the per-subject
 * data keys) and {@code BLIND_INDEX_KEY} (base64 Tink JSON HMAC-SHA256 PRF keyset, e-mail look-ups);
 * request-service's {@code REPORT_LINK_SECRET} (signs the expiring report download links);
 * disclosure-service's {@code LEDGER_SIGNING_KEY} (Ed25519 seed, 32 bytes base64, signs ledger checkpoints).
 */
final class ServiceKeys {

    private ServiceKeys() {
    }

    static Map<String, String> generate() {
        try {
            AeadConfig.register();
            PrfConfig.register();
            Map<String, String> keys = new LinkedHashMap<>();
            keys.put("MASTER_KEY", keyset(PredefinedAeadParameters.AES256_GCM));
            keys.put("BLIND_INDEX_KEY", keyset(PredefinedPrfParameters.HMAC_SHA256_PRF));
            byte[] linkSecret = new byte[32];
            new java.security.SecureRandom().nextBytes(linkSecret);
            keys.put("REPORT_LINK_SECRET", Base64.getEncoder().encodeToString(linkSecret));
            byte[] ledgerSeed = new byte[32];
            new java.security.SecureRandom().nextBytes(ledgerSeed);
            keys.put("LEDGER_SIGNING_KEY", Base64.getEncoder().encodeToString(ledgerSeed));
            return keys;
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("Could not generate the services' keys", e);
        }
    }

    static Map<String, String> forService(String service, Map<String, String> keys) {
        Map<String, String> env = new LinkedHashMap<>();
        if (service.equals("account-service")) {
            env.put("MASTER_KEY", keys.get("MASTER_KEY"));
            env.put("BLIND_INDEX_KEY", keys.get("BLIND_INDEX_KEY"));
        } else if (service.equals("request-service")) {
            env.put("REPORT_LINK_SECRET", keys.get("REPORT_LINK_SECRET"));
        } else if (service.equals("disclosure-service")) {
            env.put("LEDGER_SIGNING_KEY", keys.get("LEDGER_SIGNING_KEY"));
        }
        return env;
    }

    private static String keyset(Parameters parameters) throws GeneralSecurityException {
        String json = TinkJsonProtoKeysetFormat.serializeKeyset(KeysetHandle.generateNew(parameters),
                InsecureSecretKeyAccess.get());
        return Base64.getEncoder().encodeToString(json.getBytes(StandardCharsets.UTF_8));
    }
}
