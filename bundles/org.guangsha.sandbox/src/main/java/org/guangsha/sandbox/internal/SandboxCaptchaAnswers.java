package org.guangsha.sandbox.internal;

import java.time.Clock;
import java.time.Instant;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import org.guangsha.platform.identity.CaptchaListener;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Remembers the answers of captchas issued on this node, so that demos and automated tests can log
 * in. This is exactly what a production system must never do; it is why the sandbox feature exists
 * and why a city leaves it out.
 */
@Component(service = {CaptchaListener.class, SandboxCaptchaAnswers.class})
public class SandboxCaptchaAnswers implements CaptchaListener {

    private static final Logger LOG = LoggerFactory.getLogger(SandboxCaptchaAnswers.class);
    private static final int MAX_REMEMBERED = 10_000;

    private record Answer(String answer, Instant expiresAt) {}

    private final Map<String, Answer> answers = new ConcurrentHashMap<>();
    private final Clock clock;

    /** Built by DS. */
    @Activate
    public SandboxCaptchaAnswers() {
        this(Clock.systemUTC());
        LOG.warn(
                "SANDBOX ACTIVE: captcha answers are readable at /api/sandbox/captcha/{id}."
                        + " Simulated services only; never run this feature in production.");
    }

    SandboxCaptchaAnswers(Clock clock) {
        this.clock = clock;
    }

    @Override
    public void issued(String captchaId, String answer, Instant expiresAt) {
        Instant now = clock.instant();
        if (answers.size() >= MAX_REMEMBERED) {
            answers.values().removeIf(a -> a.expiresAt().isBefore(now));
        }
        if (answers.size() < MAX_REMEMBERED) {
            answers.put(captchaId, new Answer(answer, expiresAt));
        }
    }

    /** The answer of a captcha issued on this node and not yet expired. */
    public Optional<String> answer(String captchaId) {
        Answer a = answers.get(captchaId);
        if (a == null || a.expiresAt().isBefore(clock.instant())) {
            return Optional.empty();
        }
        return Optional.of(a.answer());
    }
}
