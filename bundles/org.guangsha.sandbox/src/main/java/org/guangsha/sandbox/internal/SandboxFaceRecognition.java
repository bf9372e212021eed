package org.guangsha.sandbox.internal;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import org.guangsha.platform.identity.FaceRecognitionProvider;
import org.osgi.service.component.annotations.Component;

/**
 * Simulated face recognition: the QR code leads to the sandbox phone page, which says it is a
 * simulation and lets the tester pass or fail the check.
 */
@Component(service = FaceRecognitionProvider.class)
public class SandboxFaceRecognition implements FaceRecognitionProvider {

    @Override
    public String phoneUrl(String sessionId, String secret) {
        return "/api/sandbox/face/"
                + sessionId
                + "?k="
                + URLEncoder.encode(secret, StandardCharsets.UTF_8);
    }
}
