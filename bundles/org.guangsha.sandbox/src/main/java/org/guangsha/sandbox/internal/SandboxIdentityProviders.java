package org.guangsha.sandbox.internal;

import java.util.Map;
import java.util.Optional;
import org.guangsha.platform.i18n.LocalizedText;
import org.guangsha.platform.identity.IdentityProvider;
import org.osgi.service.component.annotations.Component;

/**
 * Two simulated login methods (I-3), so the identity-provider mechanism is exercised: the
 * "credentials" simply name the ID number they prove, prefixed with SANDBOX. A real provider checks
 * a signed assertion with WeChat or the CA instead.
 */
public final class SandboxIdentityProviders {

    private SandboxIdentityProviders() {}

    /** WeChat scan: {@code scanCode = SANDBOX:<ID number>}. */
    @Component(service = IdentityProvider.class)
    public static class WeChatScan implements IdentityProvider {
        @Override
        public String id() {
            return "wechat";
        }

        @Override
        public LocalizedText name() {
            return LocalizedText.of("微信扫码登录（模拟）", "WeChat scan (simulated)");
        }

        @Override
        public Map<String, LocalizedText> inputs() {
            return Map.of("scanCode", LocalizedText.of("扫码结果", "Scan result"));
        }

        @Override
        public Optional<String> authenticate(Map<String, String> credentials) {
            return proved(credentials.get("scanCode"), "SANDBOX:");
        }
    }

    /** CA certificate: {@code certificate = SANDBOX-CERT:<ID number>}. */
    @Component(service = IdentityProvider.class)
    public static class CaCertificate implements IdentityProvider {
        @Override
        public String id() {
            return "ca-certificate";
        }

        @Override
        public LocalizedText name() {
            return LocalizedText.of("CA证书登录（模拟）", "CA certificate (simulated)");
        }

        @Override
        public Map<String, LocalizedText> inputs() {
            return Map.of("certificate", LocalizedText.of("证书", "Certificate"));
        }

        @Override
        public Optional<String> authenticate(Map<String, String> credentials) {
            return proved(credentials.get("certificate"), "SANDBOX-CERT:");
        }
    }

    static Optional<String> proved(String value, String prefix) {
        return value != null && value.startsWith(prefix) && value.length() == prefix.length() + 18
                ? Optional.of(value.substring(prefix.length()))
                : Optional.empty();
    }
}
